import type { AzureContext } from "./connect-azure.ts";
import { AuthorizationManagementClient } from "./esm-clients/authorization-client.ts";

/** A role the identity holds at or above (or below) the subscription. */
export interface HeldRole {
  roleName: string;
  /** The role definition's GUID (the same in every subscription for built-in roles). */
  roleDefinitionGuid: string;
  /** Where it is assigned: `/subscriptions/...`, a resource group, a resource, or a management group. */
  scope: string;
  /** An ABAC condition limits the assignment (e.g. which roles a User Access Administrator may assign). */
  conditional: boolean;
}

/**
 * The identity's role assignments in the subscription (`principalId eq`, which ARM answers with assignments at,
 * above and below the scope), named from their role definitions. Each definition is read once.
 */
export async function listHeldRoles(context: AzureContext, abortSignal?: AbortSignal): Promise<HeldRole[]> {
  const client = new AuthorizationManagementClient(context.credential, context.subscriptionId, context.clientOptions);
  const scope = `/subscriptions/${context.subscriptionId}`;
  const principalId = context.identity.objectId;
  const assignments = [];
  for await (const assignment of client.roleAssignments.listForScope(scope, {
    filter: `principalId eq '${principalId}'`,
    abortSignal,
  })) {
    assignments.push(assignment);
  }
  const names = new Map<string, Promise<string>>();
  const roleName = (roleDefinitionId: string): Promise<string> => {
    const key = roleDefinitionId.toLowerCase();
    let name = names.get(key);
    if (name === undefined) {
      name = client.roleDefinitions.getById(roleDefinitionId, { abortSignal }).then((d) => d.roleName ?? key);
      names.set(key, name);
    }
    return name;
  };
  // Definitions are read concurrently, each once: a cold `whoami` waits for one round trip, not one per role.
  const held = await Promise.all(
    assignments.map(async (assignment): Promise<HeldRole> => {
      const roleDefinitionId = assignment.roleDefinitionId ?? "";
      return {
        roleName: await roleName(roleDefinitionId),
        roleDefinitionGuid: roleDefinitionId.split("/").pop() ?? roleDefinitionId,
        scope: assignment.scope ?? scopeOfAssignment(assignment.id ?? ""),
        conditional: Boolean(assignment.condition),
      };
    }),
  );
  return held.sort((a, b) => a.scope.localeCompare(b.scope) || a.roleName.localeCompare(b.roleName));
}

function scopeOfAssignment(id: string): string {
  return id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, "") || "/";
}
