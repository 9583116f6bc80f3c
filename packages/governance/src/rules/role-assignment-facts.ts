/** The parts of a Microsoft.Authorization/roleAssignments wire document the rules read. */
export interface RoleAssignmentFacts {
  readonly id: string;
  readonly roleDefinitionGuid: string;
  readonly principalId: string;
  readonly principalType: string;
  readonly scope: string;
}

export function roleAssignmentFacts(value: unknown): RoleAssignmentFacts {
  const document = (value ?? {}) as { id?: unknown; properties?: Record<string, unknown> };
  const properties = document.properties ?? {};
  const roleDefinitionId = String(properties.roleDefinitionId ?? "");
  return {
    id: String(document.id ?? ""),
    roleDefinitionGuid: (roleDefinitionId.split("/").at(-1) ?? "").toLowerCase(),
    principalId: String(properties.principalId ?? ""),
    principalType: String(properties.principalType ?? "Unknown"),
    scope: String(properties.scope ?? ""),
  };
}

/** Scopes compare case-insensitively and without a trailing slash (`/resourcegroups/` vs `/resourceGroups/`). */
export function sameScope(a: string, b: string): boolean {
  const normalise = (scope: string) => scope.replace(/\/+$/, "").toLowerCase();
  return normalise(a) === normalise(b);
}
