import type { ArmResource } from "../arm/contract.ts";

/** A role assignment in its stored/wire shape (roleDefinitionId as the subscription-scoped id ARM returns). */
export function roleAssignmentResource(input: {
  scope: string;
  name: string;
  principalId: string;
  roleDefinitionGuid: string;
  principalType?: string;
  createdBy?: string;
  /** Free text Azure keeps as given; tools use it to record who manages the assignment. */
  description?: string | undefined;
}): ArmResource {
  const sub = /^\/subscriptions\/[^/]+/i.exec(input.scope)?.[0] ?? "";
  const now = new Date().toISOString();
  return {
    id: `${input.scope}/providers/Microsoft.Authorization/roleAssignments/${input.name}`,
    type: "Microsoft.Authorization/roleAssignments",
    name: input.name,
    properties: {
      roleDefinitionId: `${sub}/providers/Microsoft.Authorization/roleDefinitions/${input.roleDefinitionGuid}`,
      principalId: input.principalId,
      principalType: input.principalType ?? "ServicePrincipal",
      scope: input.scope,
      condition: null,
      conditionVersion: null,
      createdOn: now,
      updatedOn: now,
      createdBy: input.createdBy ?? null,
      updatedBy: input.createdBy ?? null,
      delegatedManagedIdentityResourceId: null,
      description: input.description ?? null,
    },
  };
}
