import type { Finding, RuleMetadata } from "@infra/audit/rules";
import type { AzureContext } from "@infra/auth";
import type { Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";

/** What an audit covers: everything in these subscriptions (owned by this repo or not), optionally one group. */
export interface AuditScope {
  subscriptionIds: readonly string[];
  /** `--resource-group`: only this group (case-insensitive). */
  resourceGroup?: string | undefined;
  /** `--env`: required tags, allowed regions, protection and naming come from it; absent = none of those rules apply. */
  environment?: Environment | undefined;
}

export interface AuditTaskContext {
  azure: AzureContext;
  log: Logger;
  signal: AbortSignal;
  now: Date;
}

/** One task's audit result: the rules it ran (for reports) and every finding, errors included (fail closed). */
export interface TaskAuditResult {
  rules: RuleMetadata[];
  findings: Finding[];
  /** Resources read, for the summary ("audited 12 storage accounts in 2 subscriptions"). */
  resourcesRead: number;
}

/**
 * A task's audit: read each resource type once per scope (list calls; per-resource reads only where ARM has no list),
 * evaluate the task's rules, and turn every read that failed into error findings — never a silent pass.
 */
export interface TaskAudit {
  /** Every rule it evaluates: what `docs/audit-rules.md` is generated from. */
  readonly rules: readonly RuleMetadata[];
  run(scope: AuditScope, context: AuditTaskContext): Promise<TaskAuditResult>;
}
