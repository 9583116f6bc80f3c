import type { AzureContext } from "@infra/auth";
import { isNotFound, listWire } from "@infra/resource-groups";
import { msiClient } from "./arm-clients.ts";

/** A deploy identity as GitHub needs it: the client id for AZURE_CLIENT_ID; the principal id for role assignments. */
export interface DeployIdentityIds {
  name: string;
  clientId: string;
  principalId: string;
}

/** The identities already in the identity group, by name (none when the group does not exist yet). */
export async function existingIdentities(
  azure: AzureContext,
  group: string,
  signal?: AbortSignal,
): Promise<Map<string, DeployIdentityIds>> {
  const client = msiClient(azure);
  try {
    const bodies = await listWire(() =>
      client.userAssignedIdentities.listByResourceGroup(group, { abortSignal: signal }),
    );
    return new Map(
      bodies.map((body) => {
        const properties = (body.properties ?? {}) as { clientId?: unknown; principalId?: unknown };
        const ids = {
          name: String(body.name),
          clientId: String(properties.clientId),
          principalId: String(properties.principalId),
        };
        return [ids.name, ids];
      }),
    );
  } catch (error) {
    if (isNotFound(error)) return new Map();
    throw error;
  }
}
