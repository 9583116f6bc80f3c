import type { HeldRole } from "./held-roles.ts";

export const builtInRoleIds = {
  owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

/**
 * What the identity holds beyond what this repo's tasks need. Provisioning needs Contributor plus User Access
 * Administrator scoped to the resource groups it manages (for data-plane role assignments); Owner adds the power to
 * grant anything anywhere below its scope. Pure.
 */
export function privilegeWarnings(roles: readonly HeldRole[]): string[] {
  return roles
    .filter((role) => role.roleDefinitionGuid.toLowerCase() === builtInRoleIds.owner)
    .map(
      (role) =>
        `holds Owner at ${role.scope}: more than the tasks need - Contributor there plus User Access Administrator scoped to the managed resource groups suffice`,
    );
}
