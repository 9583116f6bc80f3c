import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import type { AzureContext } from "@infra/auth";

export function msiClient(azure: AzureContext): ManagedServiceIdentityClient {
  return new ManagedServiceIdentityClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}

export function authorizationClient(azure: AzureContext): AuthorizationManagementClient {
  return new AuthorizationManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}
