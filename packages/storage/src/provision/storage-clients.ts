import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";

export function storageClient(azure: AzureContext): StorageManagementClient {
  return new StorageManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}

export function authorizationClient(azure: AzureContext): AuthorizationManagementClient {
  return new AuthorizationManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}
