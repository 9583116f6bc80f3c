import { identityLocation } from "@infra/managed-identities";
import type { ResourceKind } from "@infra/plan";
import { type KindOptions, roleAssignmentKind as sharedRoleAssignmentKind } from "@infra/resource-groups";
import { msiClient } from "./arm-clients.ts";
import { GITHUB_OIDC_TASK } from "./names.ts";
import { isPendingPrincipal, pendingPrincipalIdentity } from "./pending-principal.ts";

/**
 * The deploy identities' role assignments, through the shared role-assignment kind. An assignment for an identity
 * created in the same apply names its principal only once the identity exists: it is looked up then.
 */
export function roleAssignmentKind(options: KindOptions): ResourceKind {
  const identities = msiClient(options.azure);
  return sharedRoleAssignmentKind({
    ...options,
    task: GITHUB_OIDC_TASK,
    async resolvePrincipal(value, signal) {
      if (!isPendingPrincipal(value)) return String(value);
      const { group, name } = identityLocation(pendingPrincipalIdentity(value));
      const identity = await identities.userAssignedIdentities.get(group, name, { abortSignal: signal });
      if (!identity.principalId) throw new TypeError(`identity ${name} has no principal id yet`);
      return identity.principalId;
    },
  });
}
