import type { AuditReport } from "../audit-report.ts";
import type { Finding } from "../finding.ts";
import { SEVERITIES, severityRank } from "../severity.ts";
import { summarizeFindings, summaryLine } from "../summarize-findings.ts";

/** GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY`: verdict, counts, then fails, errors and suppressions. */
export function renderMarkdown(report: AuditReport, title = "Azure audit"): string {
  const summary = summarizeFindings(report.findings);
  const fails = sorted(report.findings.filter((finding) => finding.status === "fail"));
  const errors = sorted(report.findings.filter((finding) => finding.status === "error"));
  const suppressed = sorted(report.findings.filter((finding) => finding.status === "suppressed"));
  const verdict = errors.length > 0 ? "incomplete" : fails.length > 0 ? `${fails.length} failed` : "all checks passed";

  const lines = [`## ${title}: ${verdict}`, "", `> ${summaryLine(summary)}`, ""];
  lines.push("| severity | failed |", "|---|---:|");
  for (const severity of SEVERITIES) lines.push(`| ${severity} | ${summary.failedBySeverity[severity]} |`);

  if (errors.length > 0) {
    lines.push("", `### Could not evaluate (${errors.length})`, "", "| rule | resource | reason |", "|---|---|---|");
    for (const finding of errors)
      lines.push(`| \`${finding.ruleId}\` | ${code(finding.resourceId)} | ${cell(finding.message)} |`);
  }
  if (fails.length > 0) {
    lines.push("", `### Failed (${fails.length})`, "", "| severity | rule | resource | finding |", "|---|---|---|---|");
    for (const finding of fails) {
      lines.push(
        `| ${finding.severity} | \`${finding.ruleId}\` | ${code(finding.resourceId)} | ${cell(finding.message)} |`,
      );
    }
  }
  if (suppressed.length > 0) {
    lines.push(
      "",
      "<details>",
      `<summary>Suppressed (${suppressed.length})</summary>`,
      "",
      "| severity | rule | resource | justification | expires |",
      "|---|---|---|---|---|",
    );
    for (const finding of suppressed) {
      lines.push(
        `| ${finding.severity} | \`${finding.ruleId}\` | ${code(finding.resourceId)} | ${cell(finding.suppression?.justification ?? "")} | ${finding.suppression?.expires ?? ""} |`,
      );
    }
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}

function sorted(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resourceId.localeCompare(b.resourceId),
  );
}

/** Table cells: pipes and newlines would break the row; HTML would render. */
function cell(text: string): string {
  return text
    .replace(/[<>&]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}
