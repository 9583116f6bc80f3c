import { type AuditReport, DEFAULT_TOOL } from "./audit-report.ts";
import type { Finding, FindingStatus } from "./finding.ts";
import type { RuleMetadata } from "./rule.ts";

export const REPORT_MISSING_RULE_ID = "audit.report-missing";

/** The rule behind the error a merge raises for a part of the audit that did not report. */
export const reportMissingRule: RuleMetadata = {
  id: REPORT_MISSING_RULE_ID,
  title: "A part of a split audit did not report",
  severity: "high",
  rationale:
    "A split audit is only as complete as its parts. A shard whose job failed, whose report is missing or cannot be read covered subscriptions nobody checked; counting it as clean would hide whatever they hold.",
  remediation:
    "Open the failed shard's job, fix what stopped it (sign-in, throttling, a crashed task) and re-run it, or re-run the whole audit; then merge again.",
  references: {},
  resourceType: "audit-report",
};

/** One file given to the merge: its report, or why there is none (missing, unparsable). */
export type MergeInput =
  | { readonly source: string; readonly report: AuditReport }
  | { readonly source: string; readonly problem: string };

export interface MergeOptions {
  /**
   * How many shards each split had, by split name, when known beforehand (the workflow's list job says it): a split
   * none of whose shards reported is then caught too. The name `*` stands for the one split the reports carry.
   */
  readonly expectedShards?: Readonly<Record<string, number>>;
}

export interface MergedAudit {
  /** Every report's findings, each rule and resource once, plus an error finding per problem. */
  readonly report: AuditReport;
  /** Parts that did not report or could not be read: each makes the merged audit incomplete, whatever the flags. */
  readonly problems: readonly string[];
}

/** When two reports hold the same check, the one that says least about safety wins: an error over a fail, and so on. */
const PRECEDENCE: Readonly<Record<FindingStatus, number>> = {
  error: 0,
  fail: 1,
  suppressed: 2,
  pass: 3,
  "not-applicable": 4,
};

/**
 * Merges shard reports into one. A rule and resource checked by two reports (a subscription in two shards, a tenant
 * rule every shard evaluates) is counted once, keeping the worse status. A shard of the split that sent no report, a
 * report that is not one, and reports of different splits are errors: a merge never passes what was not audited.
 */
export function mergeReports(inputs: readonly MergeInput[], options: MergeOptions = {}): MergedAudit {
  const problems: string[] = [];
  const reports: AuditReport[] = [];
  for (const input of inputs) {
    if ("problem" in input) problems.push(`${input.source}: ${input.problem}`);
    else reports.push(input.report);
  }
  if (inputs.length === 0) problems.push("no reports to merge");
  problems.push(...shardProblems(reports, options.expectedShards));

  const rules = new Map<string, RuleMetadata>();
  for (const rule of reports.flatMap((report) => report.rules)) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  const findings = new Map<string, Finding>();
  for (const finding of reports.flatMap((report) => report.findings)) {
    const key = `${finding.ruleId}|${finding.resourceId.toLowerCase()}`;
    const kept = findings.get(key);
    if (kept === undefined || PRECEDENCE[finding.status] < PRECEDENCE[kept.status]) findings.set(key, finding);
  }
  if (problems.length > 0) rules.set(REPORT_MISSING_RULE_ID, reportMissingRule);
  const missing = problems.map(
    (problem): Finding => ({
      ruleId: REPORT_MISSING_RULE_ID,
      severity: reportMissingRule.severity,
      resourceId: problem.split(": ")[0] ?? problem,
      resourceType: reportMissingRule.resourceType,
      status: "error",
      message: problem,
      evidence: [],
    }),
  );
  return {
    report: {
      tool: reports[0]?.tool ?? DEFAULT_TOOL,
      rules: [...rules.values()],
      findings: [...findings.values(), ...missing],
    },
    problems,
  };
}

/** Shards of a split that sent nothing, and reports that disagree on how many shards their split had. */
function shardProblems(reports: readonly AuditReport[], expected: Readonly<Record<string, number>> = {}): string[] {
  const shards = reports.flatMap((report) => (report.shard ? [report.shard] : []));
  const splits = [...new Set(shards.map((shard) => shard.split))];
  const named = { ...expected };
  if (named["*"] !== undefined) {
    if (splits.length > 1) return [`reports of ${splits.length} splits (${splits.join(", ")}): name each one's count`];
    named[splits[0] ?? "all"] = named["*"];
    delete named["*"];
  }
  const problems: string[] = [];
  for (const split of [...new Set([...splits, ...Object.keys(named)])].sort()) {
    const mine = shards.filter((shard) => shard.split === split);
    const counts = [...new Set(mine.map((shard) => shard.count))].sort((a, b) => a - b);
    if (counts.length > 1) {
      problems.push(`split ${split}: reports of different sizes (${counts.join(" and ")} shards)`);
      continue;
    }
    const count = named[split] ?? counts[0];
    if (count === undefined) continue;
    if (counts[0] !== undefined && counts[0] !== count) {
      problems.push(`split ${split}: reports of ${counts[0]} shards, not of the ${count} expected`);
      continue;
    }
    const received = new Set(mine.map((shard) => shard.index));
    for (let index = 1; index <= count; index++) {
      if (!received.has(index)) {
        problems.push(`shard ${index}/${count} of ${split}: no report (its job failed, or its artifact is missing)`);
      }
    }
  }
  return problems;
}
