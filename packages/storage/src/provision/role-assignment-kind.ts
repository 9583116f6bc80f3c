import { principalResolver } from "@infra/managed-identities";
import type { Ownership, ResourceKind, WireObject } from "@infra/plan";
import { roleAssignmentKind as sharedRoleAssignmentKind } from "@infra/resource-groups";
import { accountChildOwnership } from "./account-child-ownership.ts";
import { STORAGE_TASK, storageAddress } from "./addresses.ts";
import { STORAGE_DATA_ROLE_IDS } from "./data-roles.ts";
import { roleAssignmentName } from "./role-assignment-name.ts";
import { accountLocationOf, lastSegment, storageAccountId } from "./storage-ids.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

const SCOPE_OF = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

/**
 * Data-plane role assignments at account scope, through the shared role-assignment kind. Ownership is the
 * `description` note or, where a service did not keep it, the name itself: at one of this environment's accounts, a
 * name equal to the one derived from scope + principal + role (role-assignment-name.ts) was made by this task.
 */
export function roleAssignmentKind(options: StorageKindOptions): ResourceKind {
  const accountScopes = new Set(
    options.accounts.map((account) => storageAccountId(options.azure.subscriptionId, account).toLowerCase()),
  );
  const derivedNameOwnership = (body: WireObject): Ownership | undefined => {
    const properties = (body.properties ?? {}) as WireObject;
    const scope = String(body.id).replace(SCOPE_OF, "");
    if (!accountScopes.has(scope.toLowerCase())) return undefined;
    const derived = roleAssignmentName(
      scope,
      String(properties.principalId),
      lastSegment(String(properties.roleDefinitionId)),
    );
    return String(body.name).toLowerCase() === derived ? accountChildOwnership(options.environment) : undefined;
  };
  // `storage.role-assignment["acct/Storage Blob Data Reader/<principal>"]`, as the configuration names it.
  const addressOf = (body: WireObject): string => {
    const properties = (body.properties ?? {}) as WireObject;
    const roleId = lastSegment(String(properties.roleDefinitionId)).toLowerCase();
    const role = Object.entries(STORAGE_DATA_ROLE_IDS).find(([, id]) => id === roleId)?.[0] ?? roleId;
    const account = accountLocationOf(String(body.id)).name;
    return storageAddress.roleAssignment(account, role, String(properties.principalId));
  };
  return sharedRoleAssignmentKind({
    ...options,
    task: STORAGE_TASK,
    fallbackOwnership: derivedNameOwnership,
    addressOf,
    resolvePrincipal: principalResolver(options.azure),
  });
}
