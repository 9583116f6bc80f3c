import { type AuditReport, rulesById } from "../audit-report.ts";
import { summarizeFindings } from "../summarize-findings.ts";

/** Machine-readable report; `schemaVersion` bumps on any breaking change to this shape. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      ...(report.shard ? { shard: report.shard } : {}),
      summary: summarizeFindings(report.findings),
      rules: [...rulesById(report).values()],
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
}
