import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";

export function storageClient(azure: AzureContext): StorageManagementClient {
  return new StorageManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}
