import { msiClient } from "@infra/arm/msi-client";
import type { TaskAudit } from "@infra/task";
import { subscriptionAudit } from "@infra/task/audit-subscriptions";
import { collectIdentities } from "./collect-identities.ts";
import { identityRules } from "./identity-rules.ts";

/**
 * The managed-identities audit: every user-assigned identity in the scope's subscriptions, owned by this repo or not
 * (a hand-made identity with a branch credential is exactly what it is for), with its federated credentials.
 */
export const identitiesAudit: TaskAudit = subscriptionAudit({
  name: "managed-identities audit",
  noun: "identities",
  rules: identityRules,
  async prepare(scope, context) {
    // The section (its zod schema) loads only when the audit was given an environment to read it from.
    const defaultBranch = scope.environment
      ? (await import("@infra/environments")).managedIdentitiesSection.of(scope.environment).defaultBranch
      : "main";
    const ruleContext = { now: context.now, defaultBranch };
    return {
      read: (subscriptionId) =>
        collectIdentities(
          { subscriptionId, resourceGroup: scope.resourceGroup, signal: context.signal },
          msiClient(context.azure, subscriptionId),
          identityRules,
        ),
      contextFor: () => ruleContext,
    };
  },
});
