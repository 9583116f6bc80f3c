import { ArmError, type ArmRoute } from "../arm/contract.ts";
import { clauseValue, parseFilter } from "../arm/odata-filter.ts";
import { atEveryScope, scopeOf } from "../arm/scope-patterns.ts";
import { BUILT_IN_ROLES, findBuiltInRole, renderRoleDefinition } from "./built-in-roles.ts";

const ONE = "/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}";
const ALL = "/providers/Microsoft.Authorization/roleDefinitions";

/** Built-in role definitions (read-only) at tenant level and under every scope. */
export const roleDefinitionRoutes: ArmRoute[] = [ONE, ...atEveryScope(ONE)]
  .flatMap((pattern, i): ArmRoute[] => [
    {
      method: "GET",
      pattern,
      action: i === 0 ? "" : "Microsoft.Authorization/roleDefinitions/read",
      handle(ctx) {
        const role = findBuiltInRole(ctx.params.roleDefinitionId as string);
        if (!role)
          throw new ArmError(
            404,
            "RoleDefinitionDoesNotExist",
            `The role definition '${ctx.params.roleDefinitionId}' does not exist.`,
          );
        return { status: 200, body: renderRoleDefinition(role, i === 0 ? "" : scopeOf(ctx.path, 4)) };
      },
    },
  ])
  .concat(
    [ALL, ...atEveryScope(ALL)].map(
      (pattern, i): ArmRoute => ({
        method: "GET",
        pattern,
        action: i === 0 ? "" : "Microsoft.Authorization/roleDefinitions/read",
        handle(ctx) {
          const roleName = clauseValue(parseFilter(ctx.query.get("$filter")), "roleName");
          const scope = i === 0 ? "" : scopeOf(ctx.path, 3);
          const roles = BUILT_IN_ROLES.filter(
            (r) => roleName === undefined || r.roleName.toLowerCase() === roleName.toLowerCase(),
          );
          return { status: 200, body: { value: roles.map((r) => renderRoleDefinition(r, scope)) } };
        },
      }),
    ),
  );
