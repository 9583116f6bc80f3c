import { dirname, join, relative, resolve, sep } from "node:path";
import type { ParseArgsOptionsConfig } from "node:util";
import {
  type AuditReport,
  auditExitCode,
  type FindingsTrend,
  isAtOrAbove,
  isSeverity,
  jsonReportPieces,
  RULE_DOCS_PATH,
  readSarifSources,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderTerminal,
  type SarifOptions,
  SEVERITIES,
  type Severity,
  sarifCategory,
  shouldUseColor,
  summarizeFindings,
  summaryLine,
} from "@infra/audit";
import { appendStepSummary, type CommandContext, isGitHubActions, needsAttention, UsageError } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { AuditIncompleteError } from "./task-errors.ts";
import { writeReport } from "./write-report.ts";

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
  "sarif-category": { type: "string" },
} as const;

export const auditUsage = `  --format table|json|sarif|markdown|junit   report format (default table; --json = json)
  --output PATH          write the report to a file (the summary line still goes to stderr)
  --fail-on SEVERITY     exit 3 when unsuppressed findings at or above it remain (default high)
  --allow-incomplete     do not exit 1 when some resources could not be evaluated
  --subscription ID      audit this subscription (repeatable; default: the environment's, else all visible)
  --resource-group NAME  only this resource group
  --suppressions PATH    reviewed suppressions (default packages/environments/audit-suppressions.json)
  --sarif-category ID    code scanning category of a SARIF report (default azure-audit/<env>/, azure-audit/all/)`;

export interface AuditReportFlags {
  format: AuditFormat;
  failOn: Severity;
  allowIncomplete: boolean;
  /** `--sarif-category`: overrides the category derived from the environment (a shard's own, say). */
  sarifCategory?: string | undefined;
}

export function parseAuditFlags(
  values: {
    format?: string | undefined;
    "fail-on"?: string | undefined;
    "allow-incomplete"?: boolean | undefined;
    "sarif-category"?: string | undefined;
  },
  json: boolean,
): AuditReportFlags {
  const format = values.format ?? (json ? "json" : "table");
  if (!auditFormats.includes(format as AuditFormat)) {
    throw new UsageError(`--format ${format}: use one of ${auditFormats.join(", ")}`);
  }
  const failOn = values["fail-on"] ?? "high";
  if (!isSeverity(failOn)) throw new UsageError(`--fail-on ${failOn}: use critical, high, medium, low or info`);
  const sarifCategory = values["sarif-category"];
  if (sarifCategory !== undefined && sarifCategory.trim() === "")
    throw new UsageError("--sarif-category: give a category");
  return {
    format: format as AuditFormat,
    failOn,
    allowIncomplete: values["allow-incomplete"] === true,
    sarifCategory,
  };
}

/** The environment an audit ran with: its name (the SARIF category) and, for `--env-file`, the file's absolute path. */
export interface AuditedEnvironment {
  readonly name: string;
  readonly file?: string | undefined;
}

export function auditedEnvironment(
  environment: Environment | undefined,
  envFile: string | undefined,
  cwd: string,
): AuditedEnvironment | undefined {
  return environment && { name: environment.name, file: envFile === undefined ? undefined : resolve(cwd, envFile) };
}

/** Colour and width apply to a table on a TTY only; the rule docs URL to Markdown; sources and category to SARIF. */
export interface AuditRenderOptions {
  readonly color: boolean;
  readonly width?: number;
  /** See `MarkdownOptions.ruleDocsUrl`. */
  readonly ruleDocsUrl?: string;
  /** Required for `sarif`: see `sarifOptions`. */
  readonly sarif?: SarifOptions;
  /** Markdown only: the trend against a previous run (`--previous`). */
  readonly trend?: FindingsTrend | undefined;
}

export function renderAuditReport(report: AuditReport, format: AuditFormat, options: AuditRenderOptions): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      if (options.sarif === undefined) throw new Error("a SARIF report needs the files its results point into");
      return renderSarif(report, options.sarif);
    case "markdown":
      return renderMarkdown(report, { ruleDocsUrl: options.ruleDocsUrl, trend: options.trend });
    case "junit":
      return renderJunit(report);
    default:
      return renderTerminal(report, { color: options.color, width: options.width });
  }
}

/**
 * Where a Markdown report links rule ids: in GitHub Actions the rules page at the commit being audited (a job summary
 * has no base to resolve a relative link against); otherwise docs/audit-rules.md relative to where the report lands.
 */
export function ruleDocsUrl(
  env: NodeJS.ProcessEnv,
  repoRoot: string | undefined,
  reportDir: string,
): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (isGitHubActions(env)) {
    return server && repository && sha ? `${server}/${repository}/blob/${sha}/${RULE_DOCS_PATH}` : undefined;
  }
  if (repoRoot === undefined) return undefined;
  return relative(reportDir, join(repoRoot, RULE_DOCS_PATH)).split(sep).join("/");
}

/**
 * What a SARIF report points into and files under: the repository's environment files (and an `--env-file` inside the
 * repository, which wins over the repository's file of the same name), the rules page, and the category.
 */
async function sarifOptions(
  repoRoot: string,
  flags: Pick<AuditReportFlags, "sarifCategory">,
  audited: AuditedEnvironment | undefined,
): Promise<SarifOptions> {
  const given = audited?.file === undefined ? [] : [{ name: audited.name, path: audited.file }];
  // The repository's environment files are loaded for SARIF locations only, not by every audit.
  const { repoEnvironmentFiles } = await import("@infra/environments");
  return {
    sources: await readSarifSources(repoRoot, [...repoEnvironmentFiles(), ...given]),
    category: sarifCategory(audited?.name, flags.sarifCategory),
  };
}

/** The repository this package belongs to: a task's own `audit` has no root command to say it. */
const PACKAGE_REPO_ROOT = join(import.meta.dirname, "..", "..", "..");

/**
 * Prints or writes the report, adds it to the GitHub job summary, and decides the exit code (0, 1 or 3). The summary
 * line goes to stderr only when the report itself does not end with it on the terminal (a file, or json/sarif/...).
 */
export async function finishAudit<O extends ParseArgsOptionsConfig>(
  run: Pick<CommandContext<O>, "stdout" | "stderr" | "env">,
  report: AuditReport,
  flags: AuditReportFlags,
  output: string | undefined,
  repoRoot?: string,
  audited?: AuditedEnvironment,
  trend?: FindingsTrend,
) {
  const onTerminal = flags.format === "table" && !output;
  await writeReport(await reportPieces(), output ?? run.stdout);
  const summary = summarizeFindings(report.findings);
  if (!onTerminal) run.stderr.write(`${summaryLine(summary)}${output ? ` (report: ${output})` : ""}\n`);
  if (isGitHubActions(run.env)) {
    appendStepSummary(renderMarkdown(report, { ruleDocsUrl: ruleDocsUrl(run.env, repoRoot, process.cwd()), trend }), {
      env: run.env,
    });
  }
  const code = auditExitCode(report.findings, { failOn: flags.failOn, allowIncomplete: flags.allowIncomplete });

  // JSON, the format of the largest reports (an estate's, to merge), is written as it is made.
  async function reportPieces(): Promise<Iterable<string>> {
    if (flags.format === "json") return jsonReportPieces(report);
    const text = renderAuditReport(report, flags.format, {
      color: onTerminal && shouldUseColor(run.stdout, run.env),
      width: onTerminal && run.stdout.isTTY === true ? process.stdout.columns : undefined,
      ruleDocsUrl: ruleDocsUrl(run.env, repoRoot, output ? dirname(output) : process.cwd()),
      trend,
      ...(flags.format === "sarif" ? { sarif: await sarifOptions(repoRoot ?? PACKAGE_REPO_ROOT, flags, audited) } : {}),
    });
    return [text.endsWith("\n") ? text : `${text}\n`];
  }
  if (code === 1)
    throw new AuditIncompleteError(report.findings.filter((finding) => finding.status === "error").length);
  return code === 3 ? needsAttention(failingReason(summary.failedBySeverity, flags.failOn)) : undefined;
}

/** `6 findings at or above high (2 critical, 4 high)`: what made the exit code 3, not the summary line again. */
function failingReason(failedBySeverity: Readonly<Record<Severity, number>>, failOn: Severity): string {
  const counted = SEVERITIES.filter((severity) => isAtOrAbove(severity, failOn) && failedBySeverity[severity] > 0);
  const total = counted.reduce((sum, severity) => sum + failedBySeverity[severity], 0);
  const detail = counted.map((severity) => `${failedBySeverity[severity]} ${severity}`).join(", ");
  return `${total} finding${total === 1 ? "" : "s"} at or above ${failOn} (${detail})`;
}
