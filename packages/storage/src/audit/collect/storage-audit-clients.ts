import { StorageManagementClient } from "@azure/arm-storage";
import { auditClientOptions } from "@infra/audit/collect";
import type { AzureContext, ReadPacer } from "@infra/auth";
import { ManagementLockClient } from "@infra/auth/lock-client";

/** The clients one subscription's storage audit reads through, all paced by the run's one pacer. */
export interface StorageAuditClients {
  readonly storage: StorageManagementClient;
  readonly locks: ManagementLockClient;
}

export function storageAuditClients(
  azure: AzureContext,
  subscriptionId: string,
  pacer: ReadPacer,
): StorageAuditClients {
  const options = auditClientOptions(azure.clientOptions, pacer);
  return {
    storage: new StorageManagementClient(azure.credential, subscriptionId, options),
    locks: new ManagementLockClient(azure.credential, subscriptionId, options),
  };
}
