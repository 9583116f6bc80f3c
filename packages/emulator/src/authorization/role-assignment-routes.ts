import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../arm/contract.ts";
import { canonicalOrAsSent } from "../arm/enum-values.ts";
import { clauseValue, parseFilter } from "../arm/odata-filter.ts";
import { idKey } from "../arm/resource-id.ts";
import { atEveryScope, scopeOf } from "../arm/scope-patterns.ts";
import { assignmentsAbove, ROLE_ASSIGNMENT_TYPE } from "./access-check.ts";
import { pageArray } from "./array-page.ts";
import { findBuiltInRole } from "./built-in-roles.ts";
import { roleAssignmentResource } from "./role-assignment-resource.ts";

const ONE = "/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}";
const ALL = "/providers/Microsoft.Authorization/roleAssignments";
const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 400 PrincipalNotFound as ARM words it (the id without dashes, two spaces before "See"). */
export function principalNotFound(principalId: string, tenantId: string): ArmError {
  return new ArmError(
    400,
    "PrincipalNotFound",
    `Principal ${principalId.replaceAll("-", "")} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
  );
}

function create(ctx: ArmContext): { status: number; body: unknown } {
  const name = ctx.params.roleAssignmentName as string;
  if (!GUID.test(name)) {
    throw new ArmError(
      400,
      "InvalidRoleAssignmentId",
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    );
  }
  const props = (ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const roleDefinitionId = String(props.roleDefinitionId ?? "");
  const role = findBuiltInRole(roleDefinitionId);
  if (!role) {
    throw new ArmError(
      400,
      "RoleDefinitionDoesNotExist",
      `The specified role definition with ID '${roleDefinitionId.split("/").pop()}' does not exist.`,
    );
  }
  const principalId = String(props.principalId ?? "");
  const principal = ctx.principals.get(principalId);
  if (!principal) throw principalNotFound(principalId, ctx.principal.tenantId);
  const scope = scopeOf(ctx.path, 4);
  const resource = roleAssignmentResource({
    scope,
    name,
    principalId: principal.objectId,
    roleDefinitionGuid: role.id,
    principalType:
      typeof props.principalType === "string"
        ? String(canonicalOrAsSent(props.principalType, PRINCIPAL_TYPES))
        : principal.kind === "User"
          ? "User"
          : "ServicePrincipal",
    createdBy: ctx.principal.objectId,
    description: typeof props.description === "string" ? props.description : undefined,
  });
  const before = ctx.store.get(ctx.path);
  if (before) {
    const same =
      String(before.properties?.principalId).toLowerCase() === principal.objectId.toLowerCase() &&
      findBuiltInRole(String(before.properties?.roleDefinitionId))?.id === role.id;
    if (!same)
      throw new ArmError(
        409,
        "RoleAssignmentUpdateNotPermitted",
        "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
      );
    return { status: 201, body: before };
  }
  const duplicate = assignmentsAbove(ctx.store, scope).find(
    (a) =>
      idKey(scopeOf(a.id, 4)) === idKey(scope) &&
      String(a.properties?.principalId).toLowerCase() === principal.objectId.toLowerCase() &&
      findBuiltInRole(String(a.properties?.roleDefinitionId))?.id === role.id,
  );
  if (duplicate)
    throw new ArmError(409, "RoleAssignmentExists", "The role assignment already exists.", {
      details: [{ code: "RoleAssignmentExists", message: duplicate.name }],
    });
  ctx.store.put(resource);
  // The create answer has no createdBy yet (reads have it); updatedBy is the caller.
  return { status: 201, body: { ...resource, properties: { ...resource.properties, createdBy: null } } };
}

function list(ctx: ArmContext): ReturnType<typeof pageArray> {
  const scope = scopeOf(ctx.path, 3);
  const filter = parseFilter(ctx.query.get("$filter"));
  const atScope = filter.functions.some((f) => f.name === "atscope");
  const principalId = (
    clauseValue(filter, "principalId") ?? filter.functions.find((f) => f.name === "assignedto")?.arg
  )?.toLowerCase();
  const found = new Map<string, ArmResource>();
  for (const a of assignmentsAbove(ctx.store, scope)) found.set(idKey(a.id), a);
  if (!atScope) {
    let cursor: string | undefined;
    do {
      const page = ctx.store.list({ scope, type: ROLE_ASSIGNMENT_TYPE, recursive: true }, cursor, 1000);
      for (const a of page.items) found.set(idKey(a.id), a);
      cursor = page.cursor;
    } while (cursor !== undefined);
  }
  const items = [...found.values()].filter(
    (a) => principalId === undefined || String(a.properties?.principalId).toLowerCase() === principalId,
  );
  return pageArray(ctx, items);
}

/** Role assignments: create, get, delete, list at every scope with `atScope()` and `principalId eq` filters. */
export const roleAssignmentRoutes: ArmRoute[] = [
  ...atEveryScope(ONE).flatMap((pattern): ArmRoute[] => [
    { method: "PUT", pattern, action: "Microsoft.Authorization/roleAssignments/write", handle: create },
    {
      method: "GET",
      pattern,
      action: "Microsoft.Authorization/roleAssignments/read",
      handle(ctx) {
        const a = ctx.store.get(ctx.path);
        if (!a)
          throw new ArmError(
            404,
            "RoleAssignmentNotFound",
            `The role assignment '${ctx.params.roleAssignmentName}' is not found.`,
          );
        return { status: 200, body: a };
      },
    },
    {
      method: "DELETE",
      pattern,
      action: "Microsoft.Authorization/roleAssignments/delete",
      handle(ctx) {
        const a = ctx.store.get(ctx.path);
        if (!a) return { status: 204 };
        ctx.store.delete(a.id);
        return { status: 200, body: a };
      },
    },
  ]),
  ...atEveryScope(ALL).map(
    (pattern): ArmRoute => ({
      method: "GET",
      pattern,
      action: "Microsoft.Authorization/roleAssignments/read",
      handle: list,
    }),
  ),
];
