import { readFile } from "node:fs/promises";
import type { ParseArgsOptionsConfig } from "node:util";
import {
  type AuditReport,
  compareRuns,
  type FindingsTrend,
  jsonReportPieces,
  type MergeInput,
  mergeReports,
  type ReportShard,
} from "@infra/audit";
import { CliError, type CommandContext, type CommandOutcome, ExitCode, UsageError } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { type AuditedEnvironment, type AuditReportFlags, finishAudit } from "./audit-output.ts";
import { type AuditShard, parseShard, parseShardCount, splitIntoShards } from "./audit-shards.ts";
import { writeReport } from "./write-report.ts";

/** The root audit's flags for splitting an audit across machines and merging it back. */
export const auditFanOutOptions = {
  "list-shards": { type: "string" },
  shard: { type: "string" },
  merge: { type: "boolean" },
  "expect-shards": { type: "string", multiple: true },
  previous: { type: "string" },
  "also-json": { type: "string" },
} as const;

export const auditFanOutUsage = `  --list-shards N        print N shards of the subscriptions in scope, balanced by their resource counts (no audit)
  --shard I/N            audit shard I of that split; with --subscription, those subscriptions as shard I of N
  --merge FILE...        merge reports written with --format json (the shards') into one report, in any format
  --expect-shards [SPLIT=]N   with --merge: how many shards a split had (repeatable; SPLIT is the environment or
                         all), so a missing shard is caught whichever it is
  --previous FILE        an earlier run's --format json report: Markdown and the job summary show the trend
  --also-json PATH       also write the report as JSON (for --merge), whatever --format prints`;

interface FanOutValues {
  "list-shards"?: string | undefined;
  shard?: string | undefined;
  merge?: boolean | undefined;
  "expect-shards"?: string[] | undefined;
  previous?: string | undefined;
  "also-json"?: string | undefined;
  subscription?: string[] | undefined;
  output?: string | undefined;
}

/** What the root audit does after this: stop with an outcome, or audit (one shard, or everything). */
export type AuditFanOut =
  | { readonly done: true; readonly outcome: CommandOutcome }
  | {
      readonly done: false;
      /** `--shard`: the subscriptions to audit and what the report says it covers. */
      readonly shard?: ReportShard;
      /** `--previous`: the earlier report to compare the result with. */
      readonly previous?: AuditReport;
    };

/** Parts of a merge that did not report: the merged audit is incomplete, whatever --allow-incomplete says. */
export class MergeIncompleteError extends CliError {
  constructor(problems: readonly string[]) {
    super(
      `the merged audit is incomplete: ${problems.length} part(s) did not report:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
      ExitCode.failure,
    );
    this.name = "MergeIncompleteError";
  }
}

export interface FanOutRequest<O extends ParseArgsOptionsConfig> {
  readonly run: CommandContext<O>;
  readonly values: FanOutValues;
  readonly flags: AuditReportFlags;
  readonly environment: Environment | undefined;
  readonly audited: AuditedEnvironment | undefined;
  readonly repoRoot: string;
}

/** `--list-shards` and `--merge` finish here; `--shard` and `--previous` shape the audit that follows. */
export async function auditFanOut<O extends ParseArgsOptionsConfig>(request: FanOutRequest<O>): Promise<AuditFanOut> {
  const { run, values } = request;
  const modes = [values["list-shards"] !== undefined, values.shard !== undefined, values.merge === true];
  if (modes.filter(Boolean).length > 1) throw new UsageError("--list-shards, --shard and --merge go one at a time");
  if (run.positionals.length > 0 && values.merge !== true) {
    throw new UsageError(`unexpected argument ${run.positionals[0]}: report files follow --merge`);
  }
  if (values["expect-shards"] !== undefined && values.merge !== true) {
    throw new UsageError("--expect-shards goes with --merge");
  }
  const previous = values.previous === undefined ? undefined : await readReport(values.previous);
  if (values["list-shards"] !== undefined) {
    const shards = await listShards(request, parseShardCount(values["list-shards"]));
    run.printResult({ shards }, renderShards);
    return { done: true, outcome: undefined };
  }
  if (values.merge === true) return { done: true, outcome: await merge(request, previous) };
  if (values.shard !== undefined) {
    const { index, count } = parseShard(values.shard);
    const given = values.subscription ?? [];
    const subscriptions =
      given.length > 0
        ? [...new Set(given)].sort()
        : ((await listShards(request, count))[index - 1]?.subscriptions ?? []);
    if (subscriptions.length === 0) {
      throw new UsageError(
        `--shard ${values.shard}: the split has fewer than ${index} shards; list them with --list-shards ${count}`,
      );
    }
    run.log.info("shard %d/%d: %d subscription(s)", index, count, subscriptions.length);
    const split = request.audited?.name ?? "all";
    return { done: false, shard: { split, index, count, subscriptions }, ...(previous ? { previous } : {}) };
  }
  return { done: false, ...(previous ? { previous } : {}) };
}

/** The trend of `report` against `--previous`, for `finishAudit`. */
export function trendOf(previous: AuditReport | undefined, report: AuditReport): FindingsTrend | undefined {
  return previous === undefined ? undefined : compareRuns(previous, report);
}

/** Signs in at the root (only this mode does), counts each subscription in scope, splits them. */
async function listShards<O extends ParseArgsOptionsConfig>(
  request: FanOutRequest<O>,
  count: number,
): Promise<AuditShard[]> {
  const { run, values, environment } = request;
  const [{ rootAuditScope }, { estimateSubscriptions }] = await Promise.all([
    import("./audit-scope.ts"),
    import("./subscription-estimates.ts"),
  ]);
  const { azure, scope } = await rootAuditScope(run, { subscription: values.subscription }, environment, run.log);
  if (scope.subscriptionIds.length === 0)
    throw new CliError("no enabled subscription is visible to split", ExitCode.failure);
  const estimates = await estimateSubscriptions(azure, scope.subscriptionIds, run.log, run.signal);
  return splitIntoShards(estimates, count);
}

function renderShards({ shards }: { shards: readonly AuditShard[] }): string {
  return shards
    .map(
      (shard) =>
        `shard ${shard.shard}: ${shard.subscriptions.length} subscription(s), about ${shard.estimatedResources} resources: ${shard.subscriptions.join(" ")}`,
    )
    .join("\n");
}

async function merge<O extends ParseArgsOptionsConfig>(
  request: FanOutRequest<O>,
  previous: AuditReport | undefined,
): Promise<CommandOutcome> {
  const { run, values } = request;
  const expected = parseExpectedShards(values["expect-shards"] ?? []);
  const inputs = await Promise.all(
    run.positionals.map(async (source): Promise<MergeInput> => {
      try {
        return { source, report: await readReport(source) };
      } catch (error) {
        // The merge names the file itself.
        return { source, problem: (error as Error).message.replace(`${source}: `, "").replace(`${source} `, "") };
      }
    }),
  );
  const merged = mergeReports(inputs, { expectedShards: expected });
  const { report, problems } = merged;
  await writeJsonCopy(values["also-json"], report);
  // A part that did not report is never accepted: render everything first, then fail.
  const flags = problems.length > 0 ? { ...request.flags, allowIncomplete: true } : request.flags;
  const outcome = await finishAudit(
    run,
    report,
    flags,
    values.output,
    request.repoRoot,
    request.audited,
    trendOf(previous, report),
  );
  if (problems.length > 0) throw new MergeIncompleteError(problems);
  return outcome;
}

/** `--expect-shards 4` (the one split the reports carry) or `--expect-shards prod=1 --expect-shards all=4`. */
export function parseExpectedShards(values: readonly string[]): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const value of values) {
    const match = /^(?:([A-Za-z0-9][A-Za-z0-9_-]*)=)?([1-9]\d*)$/.exec(value);
    if (!match) throw new UsageError(`--expect-shards ${value}: give N or SPLIT=N, e.g. --expect-shards all=4`);
    expected[match[1] ?? "*"] = Number(match[2]);
  }
  return expected;
}

/** `--also-json PATH`: the report as `--format json` writes it, for `--merge` (a shard job uploads both). */
export async function writeJsonCopy(path: string | undefined, report: AuditReport): Promise<void> {
  if (path !== undefined) await writeReport(jsonReportPieces(report), path);
}

async function readReport(source: string): Promise<AuditReport> {
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${source}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  // The report schema (zod) loads for a merge only, not on every audit's start.
  const { parseJsonReport } = await import("@infra/audit/json-report");
  return parseJsonReport(text, source);
}
