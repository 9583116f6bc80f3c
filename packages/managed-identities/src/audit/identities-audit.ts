import { msiClient } from "@infra/arm/msi-client";
import { ruleMetadata } from "@infra/audit";
import { managedIdentitiesSection } from "@infra/environments";
import type { TaskAudit } from "@infra/task";
import { auditSubscriptions } from "@infra/task/audit-subscriptions";
import { collectIdentities } from "./collect-identities.ts";
import { identityRules } from "./identity-rules.ts";

/**
 * The managed-identities audit: every user-assigned identity in the scope's subscriptions, owned by this repo or not
 * (a hand-made identity with a branch credential is exactly what it is for), with its federated credentials.
 */
export const identitiesAudit: TaskAudit = {
  rules: identityRules.map(ruleMetadata),
  run(scope, context) {
    const ruleContext = {
      now: context.now,
      defaultBranch: scope.environment ? managedIdentitiesSection.of(scope.environment).defaultBranch : "main",
    };
    return auditSubscriptions(scope, context, {
      name: "managed-identities audit",
      noun: "identities",
      rules: identityRules,
      read: (subscriptionId) =>
        collectIdentities(
          { subscriptionId, resourceGroup: scope.resourceGroup, signal: context.signal },
          msiClient(context.azure, subscriptionId),
          identityRules,
        ),
      contextFor: () => ruleContext,
    });
  },
};
