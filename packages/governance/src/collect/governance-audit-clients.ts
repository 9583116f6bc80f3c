import { ResourceManagementClient } from "@azure/arm-resources";
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import { auditClientOptions } from "@infra/audit/collect";
import type { AzureContext, ReadPacer } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { ManagementLockClient } from "@infra/auth/lock-client";

/** The clients one subscription's governance audit reads through, all paced by the run's one pacer. */
export interface GovernanceAuditClients {
  readonly subscriptions: SubscriptionClient;
  readonly resources: ResourceManagementClient;
  readonly authorization: AuthorizationManagementClient;
  readonly locks: ManagementLockClient;
}

export function governanceAuditClients(
  azure: AzureContext,
  subscriptionId: string,
  pacer: ReadPacer,
): GovernanceAuditClients {
  const options = auditClientOptions(azure.clientOptions, pacer);
  return {
    subscriptions: new SubscriptionClient(azure.credential, options),
    resources: new ResourceManagementClient(azure.credential, subscriptionId, options),
    authorization: new AuthorizationManagementClient(azure.credential, subscriptionId, options),
    locks: new ManagementLockClient(azure.credential, subscriptionId, options),
  };
}
