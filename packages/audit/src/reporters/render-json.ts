import { type AuditReport, rulesById } from "../audit-report.ts";
import { summarizeFindings } from "../summarize-findings.ts";

/** Findings per piece of `jsonReportPieces`: a few hundred kilobytes at a time, whatever the estate's size. */
const FINDINGS_PER_PIECE = 500;

/**
 * The machine-readable report in pieces, whose concatenation is exactly `JSON.stringify(document, null, 2)` plus a
 * newline: an estate's report (a million findings) is written without ever holding its whole text in memory.
 * `schemaVersion` bumps on any breaking change to this shape.
 */
export function* jsonReportPieces(report: AuditReport): Generator<string> {
  const head = JSON.stringify(
    {
      schemaVersion: 1,
      ...(report.shard ? { shard: report.shard } : {}),
      summary: summarizeFindings(report.findings),
      rules: [...rulesById(report).values()],
    },
    null,
    2,
  );
  // The head without its closing brace, then the findings array as JSON.stringify would indent it (two levels deep).
  yield `${head.slice(0, -2)},\n  "findings": [`;
  const { findings } = report;
  for (let start = 0; start < findings.length; start += FINDINGS_PER_PIECE) {
    const items = findings
      .slice(start, start + FINDINGS_PER_PIECE)
      .map((finding) => `    ${JSON.stringify(finding, null, 2).replaceAll("\n", "\n    ")}`);
    yield `${start === 0 ? "\n" : ",\n"}${items.join(",\n")}`;
  }
  yield findings.length === 0 ? "]\n}\n" : "\n  ]\n}\n";
}

/** The machine-readable report as one string (`jsonReportPieces` joined): for reports that fit in memory. */
export function renderJson(report: AuditReport): string {
  return [...jsonReportPieces(report)].join("");
}
