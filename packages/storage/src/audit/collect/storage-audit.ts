import { appliesTo, evaluateRule, type Finding, ruleMetadata } from "@infra/audit";
import { processReadPacer, type ReadPacer } from "@infra/auth";
import type { AuditScope, AuditTaskContext, TaskAudit, TaskAuditResult } from "@infra/task";
import { storageRules } from "../storage-rules.ts";
import { collectStorageSubscription } from "./collect-storage-subscription.ts";
import { storageAuditClients } from "./storage-audit-clients.ts";
import { storageContextFor } from "./storage-context-for.ts";

export interface StorageAuditOptions {
  /** A pacer of its own (tests and benchmarks read its stats); default: the process one every ARM client shares. */
  pacer?: ReadPacer;
  /** Accounts read at once per subscription (default 8: three reads each keeps ~24 requests in flight). */
  concurrency?: number;
}

/**
 * The storage task's audit: every storage account in the scope's subscriptions (audited concurrently), owned by this
 * repo or not, through list calls plus the per-account reads ARM has no list for, then `storageRules` with the
 * context the environment gives each account.
 */
export function createStorageAudit(options: StorageAuditOptions = {}): TaskAudit {
  return {
    rules: storageRules.map(ruleMetadata),
    async run(scope: AuditScope, context: AuditTaskContext): Promise<TaskAuditResult> {
      const pacer = options.pacer ?? processReadPacer;
      const log = context.log.scope("storage audit");
      const perSubscription = await Promise.all(
        scope.subscriptionIds.map(async (subscriptionId) => {
          const started = performance.now();
          const result = await collectStorageSubscription(
            {
              subscriptionId,
              resourceGroup: scope.resourceGroup,
              concurrency: options.concurrency ?? 8,
              signal: context.signal,
            },
            storageAuditClients(context.azure, subscriptionId, pacer),
            storageRules,
          );
          log.info(
            "subscription %s: %d accounts read in %d ms",
            subscriptionId,
            result.audited.length,
            Math.round(performance.now() - started),
          );
          return result;
        }),
      );
      const findings: Finding[] = [];
      let resourcesRead = 0;
      for (const { audited, findings: listFailures } of perSubscription) {
        findings.push(...listFailures);
        resourcesRead += audited.length;
        for (const account of audited) {
          const accountContext = storageContextFor(account.resource, scope.environment, context.now);
          for (const rule of storageRules) {
            if (appliesTo(rule, account.resource.type)) findings.push(evaluateRule(rule, account, accountContext));
          }
        }
      }
      return { rules: storageRules.map(ruleMetadata), findings, resourcesRead };
    },
  };
}

/** The storage audit with default pacing and concurrency. */
export const storageAudit: TaskAudit = createStorageAudit();
