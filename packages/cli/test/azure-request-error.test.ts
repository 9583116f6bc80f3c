import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { AzureRequestError } from "../src/azure-request-error.ts";
import { describeError } from "../src/describe-error.ts";
import { ExitCode } from "../src/exit-codes.ts";

const sub = "00000000-0000-0000-0000-000000000001";
const accountUrl = `https://management.azure.com/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1?api-version=2026-09-01`;

/** A RestError as core-rest-pipeline raises it for an ARM error answer. */
function armError(options: {
  code: string;
  status: number;
  message: string;
  method?: "GET" | "PUT" | "DELETE" | "POST";
  url?: string;
  headers?: Record<string, string>;
}): RestError {
  const request = createPipelineRequest({ url: options.url ?? accountUrl, method: options.method ?? "PUT" });
  const headers = createHttpHeaders({ "x-ms-request-id": "req-1234", ...options.headers });
  return new RestError(options.message, {
    code: options.code,
    statusCode: options.status,
    request,
    response: { request, status: options.status, headers, bodyAsText: JSON.stringify({ error: options }) },
  });
}

const forbidden = `The client 'aaaa' with object id 'bbbb' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/write' over scope '/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1' or the scope is invalid. If access was recently granted, please refresh your credentials.`;

describe("AzureRequestError.fromRestError", () => {
  it("makes one line with operation, resource, ARM code, status, request id and hint", () => {
    const error = AzureRequestError.fromRestError(
      armError({ code: "AuthorizationFailed", status: 403, message: forbidden }),
    );
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(
      /^create or update Microsoft\.Storage\/storageAccounts 'stdev1' in resource group 'rg-dev' failed: AuthorizationFailed \(HTTP 403\) - The client/,
    );
    expect(error.message).toContain("request id req-1234");
    expect(error.message).toContain("a role that allows 'Microsoft.Storage/storageAccounts/write'");
    expect(error.message).toContain("pnpm run whoami");
    expect(error).toMatchObject({
      name: "AzureRequestError",
      exitCode: ExitCode.failure,
      code: "AuthorizationFailed",
      statusCode: 403,
      requestId: "req-1234",
      operation: "create or update",
    });
    expect(error.cause).toBeInstanceOf(RestError);
  });

  it.each([
    ["SubscriptionRequestsThrottled", 429, { "retry-after": "17" }, "wait 17s and retry later"],
    ["ResourceGroupNotFound", 404, {}, "provision the resource-groups task first"],
    ["ExpiredAuthenticationToken", 401, {}, "az login"],
    ["InvalidAuthenticationTokenTenant", 401, {}, "AZURE_TENANT_ID"],
    ["MissingSubscriptionRegistration", 409, {}, "az provider register --namespace Microsoft.Storage"],
    ["RequestDisallowedByPolicy", 403, {}, "Azure Policy"],
    ["ScopeLocked", 409, {}, "management lock"],
    ["SomethingNew", 503, {}, "retry later"],
  ])("%s (%i) hints: %s", (code, status, headers, hint) => {
    const error = AzureRequestError.fromRestError(armError({ code, status, message: `${code} happened`, headers }));
    expect(error.hint).toContain(hint);
    expect(error.message).toContain(`${code} (HTTP ${status})`);
  });

  it("gives no hint when none is known", () => {
    const error = AzureRequestError.fromRestError(armError({ code: "InvalidTemplate", status: 400, message: "bad" }));
    expect(error.hint).toBeUndefined();
    expect(error.message).not.toContain("next:");
  });

  it("names the action of a POST and lets the task name the operation", () => {
    const url = `https://management.azure.com/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1/listKeys?api-version=2026-09-01`;
    const raw = armError({ code: "AuthorizationFailed", status: 403, message: "no", method: "POST", url });
    expect(AzureRequestError.fromRestError(raw).message).toMatch(/^call listKeys on Microsoft\.Storage/);
    expect(AzureRequestError.fromRestError(raw, { operation: "read keys of" }).operation).toBe("read keys of");
  });

  it("handles a transport failure with no response", () => {
    const request = createPipelineRequest({ url: accountUrl, method: "GET" });
    const raw = new RestError("connect ECONNREFUSED 127.0.0.1:8443", { code: "ECONNREFUSED", request });
    const error = AzureRequestError.fromRestError(raw);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toContain("failed: ECONNREFUSED - connect ECONNREFUSED");
    expect(error.message).toContain(`request id client ${request.requestId}`);
    expect(error.hint).toContain("emulator running");
  });

  it("describeError turns a raw RestError into exit 1 with the one line", () => {
    const report = describeError(
      armError({ code: "ResourceGroupNotFound", status: 404, message: "Resource group 'rg-dev' could not be found." }),
    );
    expect(report.exitCode).toBe(ExitCode.failure);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toMatch(/^error: create or update .* ResourceGroupNotFound \(HTTP 404\)/);
  });

  it("describeError keeps the ARM code, request id and next step of a RestError wrapped by a library", () => {
    const cause = armError({
      code: "SubscriptionNotFound",
      status: 404,
      method: "GET",
      message: `The subscription '${sub}' could not be found.`,
    });
    class LiveReadError extends Error {
      constructor() {
        super(`could not read live resources: ${cause.message}`, { cause });
        this.name = "LiveReadError";
      }
    }
    const report = describeError(new LiveReadError());
    expect(report.exitCode).toBe(ExitCode.failure);
    expect(report.lines[0]).toBe(`error: LiveReadError: could not read live resources: ${cause.message}`);
    expect(report.lines[1]).toMatch(/^ {2}caused by: read .* SubscriptionNotFound \(HTTP 404\) .*request id req-1234/);
    expect(report.lines[1]).toMatch(
      /next: this identity cannot see the subscription: fix subscriptionId in the environment file/,
    );
  });
});
