import { processReadPacer, type ReadPacer } from "@infra/auth";
import type { TaskAudit } from "@infra/task";
import { subscriptionAudit } from "@infra/task/audit-subscriptions";
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
  return subscriptionAudit({
    name: "governance audit",
    noun: "subscriptions, groups and resources",
    rules: governanceRules,
    prepare(scope, context) {
      const pacer = options.pacer ?? processReadPacer;
      const ruleContext = governanceContextFor(scope.environment, context.now);
      return {
        read: (subscriptionId) =>
          collectGovernanceSubscription(
            { subscriptionId, resourceGroup: scope.resourceGroup, signal: context.signal },
            governanceAuditClients(context.azure, subscriptionId, pacer),
            governanceRules,
          ),
        contextFor: () => ruleContext,
      };
    },
  });
}

/** The governance audit with default pacing. */
export const governanceAudit: TaskAudit = createGovernanceAudit();
