import { isNotFound, msiClient } from "@infra/arm";
import type { AzureContext } from "@infra/auth";

/** A deploy identity as GitHub needs it: the client id for AZURE_CLIENT_ID; the principal id for role assignments. */
export interface DeployIdentityIds {
  name: string;
  clientId: string;
  principalId: string;
}

/**
 * The named identities of the identity group that exist, by name. Each is read by its name, not from a list of the
 * group: a list may not yet show an identity created moments ago (the bootstrap's own apply), a read of it does.
 */
export async function existingIdentities(
  azure: AzureContext,
  group: string,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, DeployIdentityIds>> {
  const client = msiClient(azure);
  const found = await Promise.all(
    names.map(async (name): Promise<[string, DeployIdentityIds][]> => {
      try {
        const identity = await client.userAssignedIdentities.get(group, name, { abortSignal: signal });
        return [[name, { name, clientId: String(identity.clientId), principalId: String(identity.principalId) }]];
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    }),
  );
  return new Map(found.flat());
}
