import type { RestError } from "@azure/core-rest-pipeline";
import { hintForArmError } from "./arm-error-hints.ts";
import { describeArmResource, parseArmResourcePath } from "./arm-resource-path.ts";
import { CliError } from "./errors.ts";
import { ExitCode } from "./exit-codes.ts";

export interface AzureRequestErrorOptions {
  /** What the task was doing, in its words (`create storage account`); defaults to one read from the HTTP method. */
  operation?: string;
}

const operationByMethod: Record<string, string> = {
  GET: "read",
  HEAD: "check",
  PUT: "create or update",
  PATCH: "update",
  DELETE: "delete",
  POST: "call",
};

/**
 * An Azure call failed. The message is one line a person can act on: operation, resource, ARM code, HTTP status,
 * the ARM message, the request id support will ask for, and the next step where one is known.
 */
/** What the one-line message is made of. */
interface AzureRequestErrorFields {
  operation: string;
  resource: string;
  code?: string;
  statusCode?: number;
  detail: string;
  requestId?: string;
  hint?: string;
}

export class AzureRequestError extends CliError {
  readonly operation: string;
  readonly resource: string;
  readonly code: string | undefined;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  readonly hint: string | undefined;

  constructor(fields: AzureRequestErrorFields, options?: ErrorOptions) {
    super(formatLine(fields), ExitCode.failure, options);
    this.name = "AzureRequestError";
    this.operation = fields.operation;
    this.resource = fields.resource;
    this.code = fields.code;
    this.statusCode = fields.statusCode;
    this.requestId = fields.requestId;
    this.hint = fields.hint;
  }

  static fromRestError(error: RestError, options: AzureRequestErrorOptions = {}): AzureRequestError {
    const method = error.request?.method ?? "GET";
    const path = error.request ? parseArmResourcePath(error.request.url, method) : {};
    const headers = error.response?.headers;
    const requestId = headers?.get("x-ms-request-id") ?? headers?.get("x-ms-correlation-request-id");
    const clientRequestId = error.request?.requestId;
    const retryAfter = Number(headers?.get("retry-after"));
    const operation =
      options.operation ?? (path.action ? `call ${path.action} on` : (operationByMethod[method] ?? method));
    const detail = oneLine(error.message);
    const hint = hintForArmError({
      code: error.code,
      statusCode: error.statusCode,
      message: detail,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      namespace: /namespace '([^']+)'/i.exec(detail)?.[1] ?? path.resourceType?.split("/")[0],
    });
    return new AzureRequestError(
      {
        operation,
        resource: describeArmResource(path) || (error.request?.url.split("?")[0] ?? "an Azure endpoint"),
        code: error.code,
        statusCode: error.statusCode,
        detail,
        requestId: requestId ?? (clientRequestId ? `client ${clientRequestId}` : undefined),
        hint,
      },
      { cause: error },
    );
  }
}

function formatLine(f: AzureRequestErrorFields): string {
  const status = f.statusCode === undefined ? "" : `HTTP ${f.statusCode}`;
  const what = [f.code, status && (f.code ? `(${status})` : status)].filter(Boolean).join(" ");
  const parts = [`${f.operation} ${f.resource} failed: ${what || "error"}`];
  if (f.detail && f.detail !== f.code) parts[0] += ` - ${f.detail}`;
  if (f.requestId) parts.push(`request id ${f.requestId}`);
  if (f.hint) parts.push(`next: ${f.hint}`);
  return parts.join("; ");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
