import { describe, expect, it } from "vitest";
import { auditExitCode, type ExitPolicy } from "../src/exit-code.ts";
import type { Finding, FindingStatus } from "../src/finding.ts";
import type { Severity } from "../src/severity.ts";

function finding(status: FindingStatus, severity: Severity): Finding {
  return { ruleId: "r.x", severity, resourceId: "/r", resourceType: "t", status, message: "", evidence: [] };
}

describe("auditExitCode", () => {
  it.each<[string, Finding[], ExitPolicy, number]>([
    ["nothing", [], {}, 0],
    ["only passes", [finding("pass", "critical")], {}, 0],
    ["high fail at default failOn high", [finding("fail", "high")], {}, 3],
    ["critical fail", [finding("fail", "critical")], {}, 3],
    ["medium fail below default", [finding("fail", "medium")], {}, 0],
    ["medium fail with failOn medium", [finding("fail", "medium")], { failOn: "medium" }, 3],
    ["info fail with failOn info", [finding("fail", "info")], { failOn: "info" }, 3],
    ["high fail with failOn critical", [finding("fail", "high")], { failOn: "critical" }, 0],
    ["suppressed critical", [finding("suppressed", "critical")], {}, 0],
    ["not-applicable critical", [finding("not-applicable", "critical")], {}, 0],
    ["error alone", [finding("error", "low")], {}, 1],
    ["error outranks fail", [finding("error", "low"), finding("fail", "critical")], {}, 1],
    ["error allowed, nothing else", [finding("error", "high")], { allowIncomplete: true }, 0],
    ["error allowed, fail remains", [finding("error", "high"), finding("fail", "high")], { allowIncomplete: true }, 3],
  ])("%s -> %i", (_label, findings, policy, expected) => {
    expect(auditExitCode(findings, policy)).toBe(expected);
  });
});
