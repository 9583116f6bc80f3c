import { describe, expect, it } from "vitest";
import { summarizeFindings, summaryLine } from "../src/summarize-findings.ts";
import { sampleFindings } from "./sample-report.ts";

describe("summarizeFindings", () => {
  it("counts statuses, resources and unsuppressed fails by severity", () => {
    const summary = summarizeFindings(sampleFindings);
    expect(summary).toEqual({
      resources: 2,
      checks: 6,
      byStatus: { pass: 1, fail: 2, suppressed: 1, error: 1, "not-applicable": 1 },
      failedBySeverity: { critical: 1, high: 0, medium: 0, low: 1, info: 0 },
    });
    expect(summaryLine(summary)).toBe(
      "2 resources, 6 checks: 2 failed (1 critical, 1 low), 1 suppressed, 1 error, 1 passed, 1 not applicable",
    );
  });
});
