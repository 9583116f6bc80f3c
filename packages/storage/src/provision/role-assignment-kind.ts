import type { Ownership, ResourceKind, WireObject } from "@infra/plan";
import { roleAssignmentKind as sharedRoleAssignmentKind } from "@infra/resource-groups";
import { accountChildOwnership } from "./account-child-ownership.ts";
import { STORAGE_TASK } from "./addresses.ts";
import { roleAssignmentName } from "./role-assignment-name.ts";
import { lastSegment, storageAccountId } from "./storage-ids.ts";
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
  return sharedRoleAssignmentKind({ ...options, task: STORAGE_TASK, fallbackOwnership: derivedNameOwnership });
}
