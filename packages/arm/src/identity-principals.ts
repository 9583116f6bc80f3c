import type { AzureContext } from "@infra/auth";
import { isNotFound } from "./arm-errors.ts";
import { msiClient } from "./msi-client.ts";
import { isPendingPrincipal, pendingPrincipalIdentity } from "./pending-principal.ts";
import { identityLocation } from "./resource-ids.ts";

/** A user-assigned identity that exists, with the ids Entra ID gave it. */
export interface ExistingIdentity {
  name: string;
  /** What a workload signs in as (GitHub's AZURE_CLIENT_ID). */
  clientId: string | undefined;
  /** What role assignments grant to. */
  principalId: string | undefined;
}

/**
 * The identities that exist, by identity id (lower case). Each is read by its id, never from a list: a list may not
 * show an identity created moments ago (this apply's own), and a grant planned for it would then wait for a principal
 * it already has.
 */
export async function existingIdentities(
  azure: AzureContext,
  identityIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, ExistingIdentity>> {
  const client = msiClient(azure);
  const found = await Promise.all(
    [...new Set(identityIds.map((id) => id.toLowerCase()))].map(async (id): Promise<[string, ExistingIdentity][]> => {
      const { group, name } = identityLocation(id);
      try {
        const identity = await client.userAssignedIdentities.get(group, name, { abortSignal: signal });
        return [[id, { name: identity.name ?? name, clientId: identity.clientId, principalId: identity.principalId }]];
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    }),
  );
  return new Map(found.flat());
}

/** The principal ids of the identities that exist (and have one), by identity id (lower case). */
export async function identityPrincipals(
  azure: AzureContext,
  identityIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const principals = new Map<string, string>();
  for (const [id, identity] of await existingIdentities(azure, identityIds, signal)) {
    if (identity.principalId) principals.set(id, identity.principalId);
  }
  return principals;
}

/**
 * For a role-assignment kind's `resolvePrincipal`: a principal id as planned, or, for an identity the same apply
 * created, its principal id read now (the assignment depends on the identity, so it exists by then).
 */
export function principalResolver(azure: AzureContext) {
  return async (value: unknown, signal: AbortSignal): Promise<string> => {
    if (!isPendingPrincipal(value)) return String(value);
    const id = pendingPrincipalIdentity(value);
    const principal = (await identityPrincipals(azure, [id], signal)).get(id.toLowerCase());
    if (!principal) throw new TypeError(`identity ${identityLocation(id).name} has no principal id yet`);
    return principal;
  };
}
