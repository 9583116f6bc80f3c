import { evaluateRules, type Finding, ruleMetadata } from "@infra/audit";
import type { AuditScope, AuditTaskContext, TaskAudit, TaskAuditResult } from "@infra/task";
import { managedIdentitiesSection } from "../managed-identities-section.ts";
import { msiClient } from "../msi-client.ts";
import { collectIdentities } from "./collect-identities.ts";
import { identityRules } from "./identity-rules.ts";

/**
 * The managed-identities audit: every user-assigned identity in the scope's subscriptions, owned by this repo or not
 * (a hand-made identity with a branch credential is exactly what it is for), with its federated credentials.
 */
export const identitiesAudit: TaskAudit = {
  rules: identityRules.map(ruleMetadata),
  async run(scope: AuditScope, context: AuditTaskContext): Promise<TaskAuditResult> {
    const log = context.log.scope("managed-identities audit");
    const ruleContext = {
      now: context.now,
      defaultBranch: scope.environment ? managedIdentitiesSection.of(scope.environment).defaultBranch : "main",
    };
    const findings: Finding[] = [];
    let resourcesRead = 0;
    const perSubscription = await Promise.all(
      scope.subscriptionIds.map((subscriptionId) =>
        collectIdentities(
          { subscriptionId, resourceGroup: scope.resourceGroup, signal: context.signal },
          msiClient(context.azure, subscriptionId),
          identityRules,
        ),
      ),
    );
    for (const [index, result] of perSubscription.entries()) {
      log.info("subscription %s: %d identities read", scope.subscriptionIds[index], result.audited.length);
      resourcesRead += result.audited.length;
      findings.push(...result.findings, ...evaluateRules(identityRules, result.audited, ruleContext));
    }
    return { rules: identityRules.map(ruleMetadata), findings, resourcesRead };
  },
};
