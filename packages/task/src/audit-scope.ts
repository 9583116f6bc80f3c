import { type AzureContext, listVisibleSubscriptions } from "@infra/auth";
import type { Environment } from "@infra/environments";
import type { AuditScope } from "./task-audit.ts";

export interface AuditScopeFlags {
  subscription?: string[] | undefined;
  resourceGroup?: string | undefined;
}

/**
 * `--subscription` wins; else the environment's subscription; else every enabled subscription the identity can see
 * (an audit without an environment covers all of them).
 */
export async function resolveAuditScope(
  flags: AuditScopeFlags,
  environment: Environment | undefined,
  azure: AzureContext,
  signal: AbortSignal,
): Promise<AuditScope> {
  let subscriptionIds: string[];
  if (flags.subscription && flags.subscription.length > 0) subscriptionIds = [...new Set(flags.subscription)];
  else if (environment) subscriptionIds = [environment.subscriptionId ?? azure.subscriptionId];
  else {
    const visible = await listVisibleSubscriptions(azure.credential, azure.clientOptions, signal);
    subscriptionIds = visible.filter((entry) => entry.state === "Enabled").map((entry) => entry.subscriptionId);
  }
  return { subscriptionIds, resourceGroup: flags.resourceGroup, environment };
}
