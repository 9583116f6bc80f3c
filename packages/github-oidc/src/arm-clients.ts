import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import type { AzureContext } from "@infra/auth";

export function msiClient(azure: AzureContext): ManagedServiceIdentityClient {
  return new ManagedServiceIdentityClient(azure.credential, azure.subscriptionId, azure.clientOptions);
}
