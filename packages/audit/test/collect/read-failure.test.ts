import { describe, expect, it } from "vitest";
import { describeReadFailure, readRelated, unreadableFindings } from "../../src/collect/read-failure.ts";
import { ANY_RESOURCE_TYPE, type Rule } from "../../src/rule.ts";

/** Shaped like core-rest-pipeline's RestError (name, code, statusCode, request, response headers). */
function restError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: "RestError",
    code,
    statusCode,
    request: { method: "GET", url: "https://127.0.0.1:8443/subscriptions/s/providers/X/y?api-version=1" },
    response: { headers: { get: (name: string) => (name === "x-ms-request-id" ? "req-1" : undefined) } },
  });
}

describe("read failures become data, never a pass", () => {
  it("describes status, ARM code, path and request id", () => {
    expect(describeReadFailure(restError(403, "AuthorizationFailed", "no access\nmore"))).toEqual({
      reason: "GET /subscriptions/s/providers/X/y answered 403 AuthorizationFailed: no access (request id req-1)",
      code: "AuthorizationFailed",
      statusCode: 403,
    });
  });

  it.each([
    [403, "AuthorizationFailed"],
    [429, "SubscriptionRequestsThrottled"],
    [503, "ServiceUnavailable"],
  ])("attaches a %i as an unreadable related document", async (status, code) => {
    const document = await readRelated(() => Promise.reject(restError(status, code, "failed")));
    expect(document).toMatchObject({ status: "unreadable", code });
  });

  it("passes a successful read through and lets cancellation stop the audit", async () => {
    await expect(readRelated(async () => ({ a: 1 }))).resolves.toEqual({ status: "ok", value: { a: 1 } });
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    await expect(readRelated(() => Promise.reject(abort))).rejects.toBe(abort);
  });

  it("turns a failed resource read into one error finding per applicable rule", () => {
    const rule = { id: "x.any", resourceType: ANY_RESOURCE_TYPE, severity: "high" } as Rule;
    const other = { id: "x.other", resourceType: "Other/type", severity: "low" } as Rule;
    const findings = unreadableFindings([rule, other], { id: "/r", type: "A/b" }, restError(500, "Internal", "x"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "x.any", status: "error", resourceId: "/r" });
    expect(findings[0]?.message).toMatch(/^could not evaluate: GET .* answered 500 Internal/);
  });
});
