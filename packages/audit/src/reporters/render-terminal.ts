import type { AuditReport } from "../audit-report.ts";
import type { Finding } from "../finding.ts";
import { SEVERITIES, type Severity } from "../severity.ts";
import { summarizeFindings, summaryLine } from "../summarize-findings.ts";
import { resourceLabel } from "./resource-label.ts";

export interface TerminalOptions {
  /** ANSI colour; decide with `shouldUseColor(process.stdout, process.env)`. */
  readonly color: boolean;
  /** List passing checks too (default: only counted in the summary). */
  readonly showPassed?: boolean;
}

const SEVERITY_COLOUR: Record<Severity, string> = {
  critical: "\u001b[1;31m",
  high: "\u001b[31m",
  medium: "\u001b[33m",
  low: "\u001b[36m",
  info: "\u001b[2m",
};
const RESET = "\u001b[0m";

const STATUS_LABEL: Record<Finding["status"], string> = {
  fail: "FAIL",
  suppressed: "SUPPRESSED",
  error: "ERROR",
  pass: "PASS",
  "not-applicable": "N/A",
};

/** Colour only for a TTY, never with NO_COLOR or TERM=dumb; FORCE_COLOR wins (https://no-color.org). */
export function shouldUseColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** Findings grouped by severity (errors first, since they hide the rest), then a one-line summary. */
export function renderTerminal(report: AuditReport, options: TerminalOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const shown = report.findings.filter(
    (finding) =>
      finding.status === "fail" ||
      finding.status === "suppressed" ||
      finding.status === "error" ||
      (options.showPassed === true && finding.status === "pass"),
  );
  const widths = columnWidths(shown);
  const table = (findings: readonly Finding[]): string[] => renderRows(findings, widths);
  const lines: string[] = [];
  const errors = shown.filter((finding) => finding.status === "error");
  if (errors.length > 0) {
    lines.push(paint("\u001b[1;35m", `COULD NOT EVALUATE (${errors.length})`), ...table(errors), "");
  }
  for (const severity of SEVERITIES) {
    const group = shown.filter((finding) => finding.severity === severity && finding.status !== "error");
    if (group.length === 0) continue;
    lines.push(paint(SEVERITY_COLOUR[severity], `${severity.toUpperCase()} (${group.length})`), ...table(group), "");
  }
  if (lines.length === 0) lines.push("No findings need attention.", "");
  lines.push(summaryLine(summarizeFindings(report.findings)));
  return `${lines.join("\n")}\n`;
}

function cells(finding: Finding): [string, string, string, string] {
  return [
    STATUS_LABEL[finding.status],
    finding.ruleId,
    resourceLabel(finding.resourceId),
    finding.status === "suppressed" && finding.suppression
      ? `${finding.message} [suppressed until ${finding.suppression.expires}: ${finding.suppression.justification}]`
      : finding.message,
  ];
}

/** One set of widths for every group, so columns line up down the whole report. */
function columnWidths(findings: readonly Finding[]): number[] {
  const rows = findings.map(cells);
  return [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
}

function renderRows(findings: readonly Finding[], widths: readonly number[]): string[] {
  return [...findings]
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.resourceId.localeCompare(b.resourceId))
    .map(cells)
    .map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join("  ")}`);
}
