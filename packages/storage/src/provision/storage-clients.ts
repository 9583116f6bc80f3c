import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import { captureWireBodies } from "@infra/resource-groups";

export function storageClient(azure: AzureContext): StorageManagementClient {
  return captureWireBodies(new StorageManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions));
}

export function authorizationClient(azure: AzureContext): AuthorizationManagementClient {
  return captureWireBodies(
    new AuthorizationManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions),
  );
}
