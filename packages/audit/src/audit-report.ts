import { SUPPRESSION_EXPIRED_RULE_ID, suppressionExpiredRule } from "./apply-suppressions.ts";
import type { Finding } from "./finding.ts";
import type { ReportShard } from "./report-shard.ts";
import type { RuleMetadata } from "./rule.ts";

/** What every reporter renders: the rules that ran and the findings, after suppressions. */
export interface AuditReport {
  readonly rules: readonly RuleMetadata[];
  readonly findings: readonly Finding[];
  readonly tool?: { readonly name: string; readonly version: string; readonly informationUri?: string };
  /** Set when the report is one shard of a split audit (`pnpm run audit -- --shard I/N`). */
  readonly shard?: ReportShard;
}

export const DEFAULT_TOOL = {
  name: "infra-audit",
  version: "0.0.0",
  informationUri: "https://github.com/azure-infra-ops/azure-infra-ops",
} as const;

/** Rules by id, including the audit's own rule for expired suppressions when a finding uses it. */
export function rulesById(report: AuditReport): Map<string, RuleMetadata> {
  const map = new Map(report.rules.map((rule) => [rule.id, rule]));
  if (!map.has(SUPPRESSION_EXPIRED_RULE_ID) && report.findings.some((f) => f.ruleId === SUPPRESSION_EXPIRED_RULE_ID)) {
    map.set(SUPPRESSION_EXPIRED_RULE_ID, suppressionExpiredRule);
  }
  return map;
}
