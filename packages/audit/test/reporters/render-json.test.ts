import { describe, expect, it } from "vitest";
import { type AuditReport, rulesById } from "../../src/audit-report.ts";
import { jsonReportPieces, renderJson } from "../../src/reporters/render-json.ts";
import { summarizeFindings } from "../../src/summarize-findings.ts";
import { sampleReport } from "../sample-report.ts";

/** The document as one JSON.stringify would write it: what the pieces must add up to, byte for byte. */
function wholeDocument(report: AuditReport): string {
  const document = {
    schemaVersion: 1,
    ...(report.shard ? { shard: report.shard } : {}),
    summary: summarizeFindings(report.findings),
    rules: [...rulesById(report).values()],
    findings: report.findings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const many = (count: number): AuditReport => ({
  ...sampleReport,
  findings: Array.from({ length: count }, (_, index) => ({
    ...(sampleReport.findings[index % sampleReport.findings.length] as AuditReport["findings"][number]),
    resourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a${index}`,
    message: `line one\nline "two" ${index}`,
  })),
});

describe("jsonReportPieces", () => {
  it.each<[string, AuditReport]>([
    ["the sample report", sampleReport],
    ["no findings", { ...sampleReport, findings: [] }],
    ["a shard", { ...sampleReport, shard: { split: "all", index: 2, count: 4, subscriptions: ["s1", "s2"] } }],
    ["one piece exactly", many(500)],
    ["several pieces", many(1234)],
  ])("%s: the pieces join to exactly the whole document", (_, report) => {
    expect([...jsonReportPieces(report)].join("")).toBe(wholeDocument(report));
    expect(renderJson(report)).toBe(wholeDocument(report));
  });

  it("gives a large report in many small pieces", () => {
    const pieces = [...jsonReportPieces(many(5000))];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(500_000);
  });
});
