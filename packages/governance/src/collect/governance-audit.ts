import { evaluateRules, type Finding, ruleMetadata } from "@infra/audit";
import { processReadPacer, type ReadPacer } from "@infra/auth";
import type { AuditScope, AuditTaskContext, TaskAudit, TaskAuditResult } from "@infra/task";
import { governanceRules } from "../governance-rules.ts";
import { collectGovernanceSubscription } from "./collect-governance-subscription.ts";
import { governanceAuditClients } from "./governance-audit-clients.ts";
import { governanceContextFor } from "./governance-context-for.ts";

export interface GovernanceAuditOptions {
  /** A pacer of its own (tests and benchmarks read its stats); default: the process one every ARM client shares. */
  pacer?: ReadPacer;
}

/**
 * The governance audit: subscriptions, resource groups and every resource in the scope's subscriptions (audited
 * concurrently), with role assignments and locks mapped onto them, checked by `governanceRules`.
 */
export function createGovernanceAudit(options: GovernanceAuditOptions = {}): TaskAudit {
  return {
    rules: governanceRules.map(ruleMetadata),
    async run(scope: AuditScope, context: AuditTaskContext): Promise<TaskAuditResult> {
      const pacer = options.pacer ?? processReadPacer;
      const log = context.log.scope("governance audit");
      const auditContext = governanceContextFor(scope.environment, context.now);
      const perSubscription = await Promise.all(
        scope.subscriptionIds.map(async (subscriptionId) => {
          const result = await collectGovernanceSubscription(
            { subscriptionId, resourceGroup: scope.resourceGroup, signal: context.signal },
            governanceAuditClients(context.azure, subscriptionId, pacer),
            governanceRules,
          );
          log.info(
            "subscription %s: %d subscriptions, groups and resources read",
            subscriptionId,
            result.audited.length,
          );
          return result;
        }),
      );
      const findings: Finding[] = [];
      let resourcesRead = 0;
      for (const result of perSubscription) {
        findings.push(...result.findings, ...evaluateRules(governanceRules, result.audited, auditContext));
        resourcesRead += result.audited.length;
      }
      return { rules: governanceRules.map(ruleMetadata), findings, resourcesRead };
    },
  };
}

/** The governance audit with default pacing. */
export const governanceAudit: TaskAudit = createGovernanceAudit();
