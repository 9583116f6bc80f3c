import { describe, expect, it } from "vitest";
import { applySuppressions, SUPPRESSION_EXPIRED_RULE_ID } from "../src/apply-suppressions.ts";
import type { Finding, FindingStatus } from "../src/finding.ts";
import type { Suppression } from "../src/suppression.ts";
import { ACCOUNT_ID, OTHER_ID } from "./sample-report.ts";

const now = new Date("2026-11-26T10:00:00Z");

function finding(status: FindingStatus, resourceId = ACCOUNT_ID, ruleId = "storage.min-tls"): Finding {
  return {
    ruleId,
    severity: "high",
    resourceId,
    resourceType: "Microsoft.Storage/storageAccounts",
    status,
    message: "m",
    evidence: [],
  };
}

const suppression: Suppression = {
  rule: "storage.min-tls",
  resource: "**/storageaccounts/brownfield",
  justification: "Vendor appliance needs TLS 1.0 until replaced.",
  expires: "2026-11-26",
};

describe("applySuppressions", () => {
  it.each<[string, Finding, FindingStatus]>([
    ["a matching fail is suppressed", finding("fail"), "suppressed"],
    ["an error is never suppressed", finding("error"), "error"],
    ["a pass stays a pass", finding("pass"), "pass"],
    ["another resource is untouched", finding("fail", OTHER_ID), "fail"],
    ["another rule is untouched", finding("fail", ACCOUNT_ID, "storage.secure-transfer"), "fail"],
  ])("%s", (_label, input, expected) => {
    const [result] = applySuppressions([input], [suppression], now);
    expect(result?.status).toBe(expected);
  });

  it("keeps the suppressed finding, with its justification and expiry", () => {
    const [result] = applySuppressions([finding("fail")], [suppression], now);
    expect(result).toMatchObject({
      ruleId: "storage.min-tls",
      resourceId: ACCOUNT_ID,
      suppression: {
        justification: suppression.justification,
        expires: "2026-11-26",
        resourcePattern: suppression.resource,
      },
    });
  });

  it("an expired suppression suppresses nothing and is a finding itself", () => {
    const results = applySuppressions([finding("fail")], [suppression], new Date("2026-11-27T00:00:01Z"));
    expect(results.map((result) => [result.ruleId, result.status])).toEqual([
      ["storage.min-tls", "fail"],
      [SUPPRESSION_EXPIRED_RULE_ID, "fail"],
    ]);
    expect(results[1]).toMatchObject({ severity: "medium", resourceId: suppression.resource });
    expect(results[1]?.message).toContain("expired on 2026-11-26");
  });
});
