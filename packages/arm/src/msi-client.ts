import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import type { AzureContext } from "@infra/auth";

/** `azure.clientOptions` carry the wire-capture and read-pacing policies that listWire and the audit rely on. */
export function msiClient(
  azure: AzureContext,
  subscriptionId: string = azure.subscriptionId,
): ManagedServiceIdentityClient {
  return new ManagedServiceIdentityClient(azure.credential, subscriptionId, azure.clientOptions);
}
