import { writeFile } from "node:fs/promises";
import type { ParseArgsOptionsConfig } from "node:util";
import {
  type AuditReport,
  auditExitCode,
  isSeverity,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderTerminal,
  type Severity,
  shouldUseColor,
  summarizeFindings,
  summaryLine,
} from "@infra/audit";
import { appendStepSummary, type CommandContext, isGitHubActions, needsAttention, UsageError } from "@infra/cli";
import { AuditIncompleteError } from "./task-errors.ts";

export const auditFormats = ["table", "json", "sarif", "markdown", "junit"] as const;
export type AuditFormat = (typeof auditFormats)[number];

/** Flags shared by a task's `audit` and the root `pnpm run audit`. */
export const auditOptions = {
  format: { type: "string" },
  output: { type: "string" },
  "fail-on": { type: "string" },
  "allow-incomplete": { type: "boolean" },
  subscription: { type: "string", multiple: true },
  "resource-group": { type: "string" },
  suppressions: { type: "string" },
} as const;

export const auditUsage = `  --format table|json|sarif|markdown|junit   report format (default table; --json = json)
  --output PATH          write the report to a file (the summary line still goes to stderr)
  --fail-on SEVERITY     exit 3 when unsuppressed findings at or above it remain (default high)
  --allow-incomplete     do not exit 1 when some resources could not be evaluated
  --subscription ID      audit this subscription (repeatable; default: the environment's, else all visible)
  --resource-group NAME  only this resource group
  --suppressions PATH    reviewed suppressions (default packages/environments/audit-suppressions.json)`;

export interface AuditReportFlags {
  format: AuditFormat;
  failOn: Severity;
  allowIncomplete: boolean;
}

export function parseAuditFlags(
  values: { format?: string | undefined; "fail-on"?: string | undefined; "allow-incomplete"?: boolean | undefined },
  json: boolean,
): AuditReportFlags {
  const format = values.format ?? (json ? "json" : "table");
  if (!auditFormats.includes(format as AuditFormat)) {
    throw new UsageError(`--format ${format}: use one of ${auditFormats.join(", ")}`);
  }
  const failOn = values["fail-on"] ?? "high";
  if (!isSeverity(failOn)) throw new UsageError(`--fail-on ${failOn}: use critical, high, medium, low or info`);
  return { format: format as AuditFormat, failOn, allowIncomplete: values["allow-incomplete"] === true };
}

export function renderAuditReport(report: AuditReport, format: AuditFormat, color: boolean): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, {});
    case "markdown":
      return renderMarkdown(report);
    case "junit":
      return renderJunit(report);
    default:
      return renderTerminal(report, { color });
  }
}

/** Prints or writes the report, adds it to the GitHub job summary, and decides the exit code (0, 1 or 3). */
export async function finishAudit<O extends ParseArgsOptionsConfig>(
  run: Pick<CommandContext<O>, "stdout" | "stderr" | "env">,
  report: AuditReport,
  flags: AuditReportFlags,
  output: string | undefined,
) {
  const color = flags.format === "table" && !output && shouldUseColor(process.stdout, process.env);
  const text = renderAuditReport(report, flags.format, color);
  if (output) await writeFile(output, text.endsWith("\n") ? text : `${text}\n`);
  else run.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  const summary = summaryLine(summarizeFindings(report.findings));
  run.stderr.write(`${summary}${output ? ` (report: ${output})` : ""}\n`);
  if (isGitHubActions(run.env)) appendStepSummary(renderMarkdown(report), { env: run.env });
  const code = auditExitCode(report.findings, { failOn: flags.failOn, allowIncomplete: flags.allowIncomplete });
  if (code === 1)
    throw new AuditIncompleteError(report.findings.filter((finding) => finding.status === "error").length);
  return code === 3 ? needsAttention(`findings at or above ${flags.failOn}: ${summary}`) : undefined;
}
