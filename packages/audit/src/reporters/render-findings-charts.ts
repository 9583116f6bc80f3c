import type { AuditReport } from "../audit-report.ts";
import type { FindingsTrend } from "../compare-runs.ts";
import type { Finding } from "../finding.ts";
import { SEVERITIES } from "../severity.ts";
import { summarizeFindings } from "../summarize-findings.ts";
import { markdownCell, markdownCode } from "./markdown-text.ts";

export interface FindingsChartOptions {
  /** The previous run compared with this one (`compareRuns`): adds its totals and a table of what changed. */
  readonly trend?: FindingsTrend;
  /** Rules shown in the by-rule chart, most failures first (default 12); the rest are summed as "other rules". */
  readonly maxRules?: number;
}

/** Mermaid reads `"` as the end of a label and `[ ] ,` as list syntax inside an axis. */
const label = (text: string): string => `"${text.replace(/["[\],]/g, "'")}"`;

/**
 * Mermaid charts of the unsuppressed fails for a GitHub job summary (GitHub renders ```mermaid blocks): a pie by
 * severity, a bar chart by rule, and with a previous run the totals of both runs by severity. Empty when nothing
 * failed and there is no previous run to compare with.
 */
export function renderFindingsCharts(report: AuditReport, options: FindingsChartOptions = {}): string[] {
  const summary = summarizeFindings(report.findings);
  const lines: string[] = [];
  const severities = SEVERITIES.filter((severity) => summary.failedBySeverity[severity] > 0);
  if (severities.length > 0) {
    lines.push(
      "",
      "```mermaid",
      "pie showData title Failed checks by severity",
      ...severities.map((severity) => `  ${label(severity)} : ${summary.failedBySeverity[severity]}`),
      "```",
    );
    const byRule = failedByRule(report, options.maxRules ?? 12);
    lines.push(
      "",
      "```mermaid",
      "xychart-beta horizontal",
      `  title "Failed checks by rule"`,
      `  x-axis [${byRule.map(([rule]) => label(rule)).join(", ")}]`,
      `  y-axis "failed checks" 0 --> ${Math.max(...byRule.map(([, count]) => count))}`,
      `  bar [${byRule.map(([, count]) => count).join(", ")}]`,
      "```",
    );
  }
  if (options.trend) lines.push(...trendLines(options.trend));
  return lines;
}

function failedByRule(report: AuditReport, maxRules: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.status === "fail") counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length <= maxRules) return ranked;
  const rest = ranked.slice(maxRules - 1).reduce((sum, [, count]) => sum + count, 0);
  return [...ranked.slice(0, maxRules - 1), [`${ranked.length - maxRules + 1} other rules`, rest]];
}

function trendLines(trend: FindingsTrend): string[] {
  const before = trend.previous.failedBySeverity;
  const now = trend.current.failedBySeverity;
  const top = Math.max(1, ...SEVERITIES.flatMap((severity) => [before[severity], now[severity]]));
  const change = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta));
  return [
    "",
    `### Since the previous run: ${trend.appeared.length} new, ${trend.resolved.length} resolved`,
    "",
    "```mermaid",
    "xychart-beta",
    `  title "Failed checks by severity: bars this run, line the previous run"`,
    `  x-axis [${SEVERITIES.map(label).join(", ")}]`,
    `  y-axis "failed checks" 0 --> ${top}`,
    `  bar [${SEVERITIES.map((severity) => now[severity]).join(", ")}]`,
    `  line [${SEVERITIES.map((severity) => before[severity]).join(", ")}]`,
    "```",
    "",
    "| severity | previous run | this run | change |",
    "|---|---:|---:|---:|",
    ...SEVERITIES.map(
      (severity) =>
        `| ${severity} | ${before[severity]} | ${now[severity]} | ${change(now[severity] - before[severity])} |`,
    ),
    `| **all** | ${trend.previous.byStatus.fail} | ${trend.current.byStatus.fail} | ${change(trend.current.byStatus.fail - trend.previous.byStatus.fail)} |`,
    ...foldedList(`New fails (${trend.appeared.length})`, trend.appeared),
    ...foldedList(`Resolved (${trend.resolved.length})`, trend.resolved),
  ];
}

/** Lists run long on a big estate: folded, and cut at 100 rows (the JSON reports hold them all). */
function foldedList(title: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, 100);
  return [
    "",
    "<details>",
    `<summary>${title}</summary>`,
    "",
    "| severity | rule | resource |",
    "|---|---|---|",
    ...shown.map(
      (finding) => `| ${finding.severity} | ${markdownCode(finding.ruleId)} | ${markdownCode(finding.resourceId)} |`,
    ),
    ...(findings.length > shown.length ? ["", markdownCell(`and ${findings.length - shown.length} more`)] : []),
    "",
    "</details>",
  ];
}
