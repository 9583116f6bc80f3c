import type { AuditReport } from "../audit-report.ts";
import type { FindingsTrend } from "../compare-runs.ts";
import type { Finding } from "../finding.ts";
import { SEVERITIES, severityRank } from "../severity.ts";
import { summarizeFindings, summaryLine } from "../summarize-findings.ts";
import { markdownCell, markdownCode } from "./markdown-text.ts";
import { renderFindingsCharts } from "./render-findings-charts.ts";
import { resourceLabels } from "./resource-label.ts";
import { ruleDocsAnchor } from "./rule-docs-anchor.ts";
import { type ResourceSummary, summarizeResources } from "./summarize-resources.ts";

export interface MarkdownOptions {
  /** First heading, before the verdict (default `Azure audit`). */
  readonly title?: string;
  /**
   * Where the page `renderRuleDocs` writes lives (docs/audit-rules.md): rule ids link to their entry on it. In a job
   * summary it must be absolute, e.g. `https://github.com/<owner>/<repo>/blob/<sha>/docs/audit-rules.md`.
   */
  readonly ruleDocsUrl?: string;
  /** The previous run compared with this one (`compareRuns`): its totals and what changed join the charts. */
  readonly trend?: FindingsTrend;
  /**
   * Rows per table and resources in the failed section (default 300). GitHub refuses a job summary over 1 MiB, which a
   * tenant's one row per resource would pass; the rest is counted, and every finding stays in the JSON report.
   */
  readonly maxRows?: number;
}

/**
 * GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY`: verdict, fails by severity (a table, then Mermaid charts by
 * severity and by rule, and the trend against a previous run when given), one row per resource (so what
 * passes shows too), then what could not be evaluated, the fails grouped by resource, and suppressions and full
 * resource ids folded away. Resources appear by short name (`rg/account`); full ARM ids would crowd the tables.
 */
export function renderMarkdown(report: AuditReport, options: MarkdownOptions = {}): string {
  const summary = summarizeFindings(report.findings);
  const resources = summarizeResources(report.findings);
  const labels = new Map(
    [...resourceLabels(resources.map((resource) => resource.resourceId))].map(([id, label]) => [
      id.toLowerCase(),
      label,
    ]),
  );
  const labelOf = (resourceId: string): string => labels.get(resourceId.toLowerCase()) ?? resourceId;
  const rule = (ruleId: string): string =>
    options.ruleDocsUrl === undefined
      ? markdownCode(ruleId)
      : `[${markdownCode(ruleId)}](${options.ruleDocsUrl}#${ruleDocsAnchor(ruleId)})`;
  // The resource table leads with what could not be evaluated; the fails lead with the worst.
  const failing = resources
    .filter((resource) => resource.byStatus.fail > 0)
    .sort(
      (a, b) => severityRank(a.worst ?? "info") - severityRank(b.worst ?? "info") || b.byStatus.fail - a.byStatus.fail,
    );
  const errors = sorted(report.findings.filter((finding) => finding.status === "error"));
  const suppressed = sorted(report.findings.filter((finding) => finding.status === "suppressed"));

  const lines = [
    `## ${options.title ?? "Azure audit"}: ${verdict(summary.byStatus.fail, errors.length, failing.length, resources.length)}`,
  ];
  lines.push("", `> ${summaryLine(summary)}`);
  lines.push(
    "",
    `| failed | ${SEVERITIES.join(" | ")} |`,
    `|---|${SEVERITIES.map(() => "---:").join("|")}|`,
    `| **${summary.byStatus.fail}** | ${SEVERITIES.map((severity) => summary.failedBySeverity[severity]).join(" | ")} |`,
  );
  lines.push(...renderFindingsCharts(report, { trend: options.trend }));

  const maxRows = options.maxRows ?? 300;
  const more = (shown: number, total: number, what: string): string[] =>
    total > shown ? ["", `_and ${total - shown} more ${what}: see the JSON report (\`--format json\`)_`] : [];
  if (resources.length > 0)
    lines.push(
      "",
      `### Resources (${resources.length})`,
      "",
      ...resourceTable(resources.slice(0, maxRows), labelOf),
      ...more(Math.min(maxRows, resources.length), resources.length, "resources"),
    );

  if (errors.length > 0) {
    lines.push("", `### Could not evaluate (${errors.length})`, "", "| resource | rule | reason |", "|---|---|---|");
    for (const finding of errors.slice(0, maxRows)) {
      lines.push(
        `| ${markdownCell(labelOf(finding.resourceId))} | ${rule(finding.ruleId)} | ${markdownCell(finding.message)} |`,
      );
    }
    lines.push(...more(Math.min(maxRows, errors.length), errors.length, "checks that could not be evaluated"));
  }

  if (failing.length > 0) {
    lines.push("", `### Failed (${summary.byStatus.fail})`);
    for (const resource of failing.slice(0, maxRows)) {
      const fails = sorted(
        report.findings.filter(
          (finding) =>
            finding.status === "fail" && finding.resourceId.toLowerCase() === resource.resourceId.toLowerCase(),
        ),
      );
      lines.push(
        "",
        `#### ${markdownCell(labelOf(resource.resourceId))}: ${fails.length} failed`,
        "",
        markdownCode(resource.resourceId),
        "",
        "| severity | rule | finding |",
        "|---|---|---|",
      );
      for (const finding of fails) {
        lines.push(`| ${finding.severity} | ${rule(finding.ruleId)} | ${markdownCell(finding.message)} |`);
      }
    }
    lines.push(...more(Math.min(maxRows, failing.length), failing.length, "failing resources"));
  }

  if (suppressed.length > 0) {
    lines.push(
      "",
      "<details>",
      `<summary>Suppressed (${suppressed.length})</summary>`,
      "",
      "| resource | severity | rule | justification | expires |",
      "|---|---|---|---|---|",
    );
    for (const finding of suppressed.slice(0, maxRows)) {
      lines.push(
        `| ${markdownCell(labelOf(finding.resourceId))} | ${finding.severity} | ${rule(finding.ruleId)} | ${markdownCell(finding.suppression?.justification ?? "")} | ${finding.suppression?.expires ?? ""} |`,
      );
    }
    lines.push(...more(Math.min(maxRows, suppressed.length), suppressed.length, "suppressed"), "", "</details>");
  }

  if (resources.length > 0) {
    lines.push(
      "",
      "<details>",
      `<summary>Resource ids (${resources.length})</summary>`,
      "",
      "| resource | id |",
      "|---|---|",
      ...resources
        .slice(0, maxRows)
        .map((resource) => `| ${markdownCell(labelOf(resource.resourceId))} | ${markdownCode(resource.resourceId)} |`),
      ...more(Math.min(maxRows, resources.length), resources.length, "resource ids"),
      "",
      "</details>",
    );
  }
  return `${lines.join("\n")}\n`;
}

function verdict(failed: number, errors: number, failingResources: number, resources: number): string {
  if (errors > 0) return "incomplete";
  if (failed > 0)
    return `${failed} failed on ${failingResources} of ${resources} resource${resources === 1 ? "" : "s"}`;
  return "all checks passed";
}

/** One row per resource, failing first; columns for suppressed and errors only when the report has any. */
function resourceTable(resources: readonly ResourceSummary[], labelOf: (resourceId: string) => string): string[] {
  const anyError = resources.some((resource) => resource.byStatus.error > 0);
  const anySuppressed = resources.some((resource) => resource.byStatus.suppressed > 0);
  const header = [
    "resource",
    "type",
    "failed",
    ...(anyError ? ["could not evaluate"] : []),
    ...(anySuppressed ? ["suppressed"] : []),
    "passed",
    "not applicable",
  ];
  const rows = resources.map((resource) => {
    const { byStatus } = resource;
    return [
      markdownCell(labelOf(resource.resourceId)),
      markdownCell(resource.resourceType.split("/").at(-1) ?? resource.resourceType),
      byStatus.fail > 0 ? `**${byStatus.fail}** (worst: ${resource.worst})` : "0",
      ...(anyError ? [byStatus.error > 0 ? `**${byStatus.error}**` : "0"] : []),
      ...(anySuppressed ? [String(byStatus.suppressed)] : []),
      String(byStatus.pass),
      String(byStatus["not-applicable"]),
    ];
  });
  const align = header.map((_name, index) => (index < 2 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`);
}

function sorted(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resourceId.localeCompare(b.resourceId),
  );
}
