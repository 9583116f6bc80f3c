import {
  type AuditContext,
  type AuditedResource,
  evaluateRules,
  type Finding,
  type Rule,
  ruleMetadata,
} from "@infra/audit/rules";
import type { AuditScope, AuditTaskContext, TaskAudit } from "./task-audit.ts";

/** One subscription's read: the resources with their related documents, and a finding for every read that failed. */
export interface SubscriptionRead {
  audited: AuditedResource[];
  findings: Finding[];
}

/** A task's audit over subscriptions, said once: its rules are both what it reports and what it evaluates. */
export interface SubscriptionAudit<TContext extends AuditContext> {
  /** The log's scope, e.g. "storage audit". */
  name: string;
  /** What one subscription's log line counts, e.g. "accounts". */
  noun: string;
  rules: readonly Rule<TContext>[];
  /** One run's reads and contexts, from its scope (what the environment expects is read here, once). */
  prepare(
    scope: AuditScope,
    context: AuditTaskContext,
  ): SubscriptionAuditRun<TContext> | Promise<SubscriptionAuditRun<TContext>>;
}

/** How one run reads a subscription and judges what it read. */
export interface SubscriptionAuditRun<TContext extends AuditContext> {
  /** Reads one subscription of the scope (all of them are read at once). */
  read(subscriptionId: string): Promise<SubscriptionRead>;
  /** The rules' context for one resource (the environment's expectations of it). */
  contextFor(audited: AuditedResource): TContext;
}

/**
 * A task's audit over the scope's subscriptions: reads them concurrently, logs each one's count and time, evaluates
 * the task's rules on every resource read, and keeps the read failures as findings (fail closed).
 */
export function subscriptionAudit<TContext extends AuditContext>(audit: SubscriptionAudit<TContext>): TaskAudit {
  const rules = audit.rules.map(ruleMetadata);
  return {
    rules,
    async run(scope, context) {
      const run = await audit.prepare(scope, context);
      const log = context.log.scope(audit.name);
      const reads = await Promise.all(
        scope.subscriptionIds.map(async (subscriptionId) => {
          const started = performance.now();
          const read = await run.read(subscriptionId);
          const ms = Math.round(performance.now() - started);
          log.info("subscription %s: %d %s read in %d ms", subscriptionId, read.audited.length, audit.noun, ms);
          return read;
        }),
      );
      const findings: Finding[] = [];
      let resourcesRead = 0;
      for (const read of reads) {
        findings.push(...read.findings);
        resourcesRead += read.audited.length;
        for (const audited of read.audited) {
          findings.push(...evaluateRules(audit.rules, [audited], run.contextFor(audited)));
        }
      }
      return { rules, findings, resourcesRead };
    },
  };
}
