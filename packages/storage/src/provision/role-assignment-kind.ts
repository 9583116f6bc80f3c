import {
  accountLocationOf,
  assignmentScope,
  BUILT_IN_ROLE_IDS,
  lastSegment,
  principalResolver,
  roleAssignmentName,
  STORAGE_TASK,
  roleAssignmentKind as sharedRoleAssignmentKind,
  storageAccountId,
  storageAddress,
} from "@infra/arm";
import type { Ownership, ResourceKind, WireObject } from "@infra/plan";
import { accountChildOwnership } from "./account-child-ownership.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/**
 * Data-plane role assignments at account scope, through the shared role-assignment kind. Ownership is the
 * `description` note or, where a service did not keep it, the name itself: at one of this environment's accounts, a
 * name equal to the one derived from scope + principal + role (`roleAssignmentName`) was made by this task.
 */
export function roleAssignmentKind(options: StorageKindOptions): ResourceKind {
  const accountScopes = new Set(
    options.accounts.map((account) => storageAccountId(options.azure.subscriptionId, account).toLowerCase()),
  );
  const derivedNameOwnership = (body: WireObject): Ownership | undefined => {
    const properties = (body.properties ?? {}) as WireObject;
    const scope = assignmentScope(String(body.id));
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
    const role = Object.entries(BUILT_IN_ROLE_IDS).find(([, id]) => id === roleId)?.[0] ?? roleId;
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
