/** Role assignments are extension resources: their id is the scope they grant at, then this type and the name. */
export const ROLE_ASSIGNMENT_KIND = "Microsoft.Authorization/roleAssignments";

const ASSIGNMENT_SUFFIX = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

export function roleAssignmentId(scope: string, name: string): string {
  return `${scope}/providers/${ROLE_ASSIGNMENT_KIND}/${name}`;
}

/** The scope an assignment grants at, from its id (`/` for the tenant root). */
export function assignmentScope(id: string): string {
  return id.replace(ASSIGNMENT_SUFFIX, "") || "/";
}
