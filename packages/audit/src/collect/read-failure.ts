import { type RelatedDocument, readable, unreadable } from "../audited-resource.ts";
import { unreadableResourceFindings } from "../evaluate-rules.ts";
import type { Finding } from "../finding.ts";
import type { RuleMetadata } from "../rule.ts";

/** What a person needs from a failed read: the status, ARM's code and message, the request id to quote to support. */
export interface ReadFailure {
  readonly reason: string;
  readonly code: string | undefined;
  readonly statusCode: number | undefined;
}

interface RestErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly request?: { readonly method?: unknown; readonly url?: unknown };
  readonly response?: { readonly headers?: { get(name: string): string | undefined } };
}

/** Cancellation is not a read failure: it must stop the audit, not become findings. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/**
 * Describes a failed read (RestError 403, 404, 5xx, 429 after the pipeline's retries, a broken connection). Anything
 * else thrown is described too: the caller turns it into an error finding, never a pass.
 */
export function describeReadFailure(error: unknown): ReadFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as RestErrorLike;
  const statusCode = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const message = typeof e.message === "string" ? e.message : String(error);
  const requestId = e.response?.headers?.get("x-ms-request-id");
  const target =
    typeof e.request?.url === "string"
      ? `${String(e.request.method ?? "GET")} ${new URL(e.request.url).pathname} `
      : "";
  const status = statusCode === undefined ? "failed" : `answered ${statusCode}`;
  const reason = `${target}${status}${code === undefined ? "" : ` ${code}`}: ${firstLine(message)}${
    requestId === undefined ? "" : ` (request id ${requestId})`
  }`;
  return { reason, code, statusCode };
}

/** A related document read: its value, or `unreadable` with the failure, so a rule that needs it yields an error. */
export async function readRelated(read: () => Promise<unknown>): Promise<RelatedDocument> {
  try {
    return readable(await read());
  } catch (error) {
    if (isAbortError(error)) throw error;
    const failure = describeReadFailure(error);
    return unreadable(failure.reason, failure.code);
  }
}

/** The resource's own read (or the list it should have come from) failed: one error finding per applicable rule. */
export function unreadableFindings(
  rules: readonly RuleMetadata[],
  resource: { readonly id: string; readonly type: string },
  error: unknown,
): Finding[] {
  return unreadableResourceFindings(rules, resource, describeReadFailure(error).reason);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
