import { ResourceManagementClient } from "@azure/arm-resources";
import type { AzureContext } from "@infra/auth";

/** The resource groups of a subscription the identity can see, by name (ARM lists only those it may read). */
export async function resourceGroupNames(
  azure: AzureContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const client = new ResourceManagementClient(azure.credential, subscriptionId, azure.clientOptions);
  const names: string[] = [];
  for await (const group of client.resourceGroups.list({ abortSignal: signal })) if (group.name) names.push(group.name);
  return names;
}
