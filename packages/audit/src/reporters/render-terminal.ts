import type { AuditReport } from "../audit-report.ts";
import type { Finding } from "../finding.ts";
import { SEVERITIES, type Severity } from "../severity.ts";
import { summarizeFindings, summaryLine } from "../summarize-findings.ts";
import { resourceLabels } from "./resource-label.ts";
import { wrapWords } from "./wrap-words.ts";

export interface TerminalOptions {
  /** ANSI colour; decide with `shouldUseColor(process.stdout, process.env)`. */
  readonly color: boolean;
  /** List passing checks too (default: only counted in the summary). */
  readonly showPassed?: boolean;
  /** Wrap findings to this many columns (a TTY's `columns`); unset, lines are as long as they need to be. */
  readonly width?: number;
}

/** Narrower than this beside the other columns, a finding goes on its own lines below them instead. */
const MIN_MESSAGE_WIDTH = 28;
const MESSAGE_ALONE_INDENT = "        ";

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
  const labels = resourceLabels(report.findings.map((finding) => finding.resourceId));
  const rowsOf = (findings: readonly Finding[]) =>
    [...findings]
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.resourceId.localeCompare(b.resourceId))
      .map((finding) => cells(finding, labels.get(finding.resourceId) ?? finding.resourceId));
  const widths = columnWidths(rowsOf(shown));
  const table = (findings: readonly Finding[]): string[] => renderRows(rowsOf(findings), widths, options.width);
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
  const summary = summaryLine(summarizeFindings(report.findings));
  lines.push(...(options.width === undefined ? [summary] : wrapWords(summary, options.width)));
  return `${lines.join("\n")}\n`;
}

function cells(finding: Finding, label: string): Row {
  return [
    STATUS_LABEL[finding.status],
    finding.ruleId,
    label,
    finding.status === "suppressed" && finding.suppression
      ? `${finding.message} [suppressed until ${finding.suppression.expires}: ${finding.suppression.justification}]`
      : finding.message,
  ];
}

type Row = [status: string, rule: string, resource: string, message: string];

/** One set of widths for every group, so columns line up down the whole report. */
function columnWidths(rows: readonly Row[]): number[] {
  return [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
}

function renderRows(rows: readonly Row[], widths: readonly number[], width: number | undefined): string[] {
  return rows.flatMap((row) => {
    const prefix = `  ${row
      .slice(0, 3)
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")}  `;
    const message = row[3];
    if (width === undefined) return [`${prefix}${message}`];
    const room = width - prefix.length;
    if (room >= MIN_MESSAGE_WIDTH) {
      const [first = "", ...rest] = wrapWords(message, room);
      return [`${prefix}${first}`, ...rest.map((line) => `${" ".repeat(prefix.length)}${line}`)];
    }
    return [
      prefix.trimEnd(),
      ...wrapWords(message, width - MESSAGE_ALONE_INDENT.length).map((line) => `${MESSAGE_ALONE_INDENT}${line}`),
    ];
  });
}
