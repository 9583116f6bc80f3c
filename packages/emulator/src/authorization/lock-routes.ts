import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../arm/contract.ts";
import { canonicalEnum } from "../arm/enum-values.ts";
import { atEveryScope, scopeOf } from "../arm/scope-patterns.ts";
import { LOCK_TYPE } from "./access-check.ts";

const ONE = "/providers/Microsoft.Authorization/locks/{lockName}";
const ALL = "/providers/Microsoft.Authorization/locks";
const LOCK_LEVELS = ["CanNotDelete", "ReadOnly"] as const;

function put(ctx: ArmContext): { status: number; body: ArmResource } {
  const props = (ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const level = canonicalEnum(props.level, LOCK_LEVELS);
  if (level === undefined) {
    throw new ArmError(
      400,
      "LockLevelInvalid",
      `The lock level '${String(props.level)}' is invalid. It must be 'CanNotDelete' or 'ReadOnly'.`,
    );
  }
  const scope = scopeOf(ctx.path, 4);
  if (!ctx.store.has(scope) && scope.split("/").length > 3) {
    throw new ArmError(404, "ResourceNotFound", `The Resource '${scope}' was not found.`);
  }
  // Azure answers notes and owners only when the lock has them.
  const properties: Record<string, unknown> = { level };
  if (typeof props.notes === "string") properties.notes = props.notes;
  if (Array.isArray(props.owners)) properties.owners = props.owners;
  const lock: ArmResource = { id: ctx.path, type: LOCK_TYPE, name: ctx.params.lockName as string, properties };
  const created = ctx.store.put(lock);
  return { status: created ? 201 : 200, body: lock };
}

/** Management locks (CanNotDelete / ReadOnly) at every scope; enforcement lives in lock-check.ts. */
export const lockRoutes: ArmRoute[] = [
  ...atEveryScope(ONE).flatMap((pattern): ArmRoute[] => [
    { method: "PUT", pattern, action: "Microsoft.Authorization/locks/write", handle: put },
    {
      method: "GET",
      pattern,
      action: "Microsoft.Authorization/locks/read",
      handle(ctx) {
        const lock = ctx.store.get(ctx.path);
        if (!lock) throw new ArmError(404, "LockNotFound", `The lock '${ctx.params.lockName}' could not be found.`);
        return { status: 200, body: lock };
      },
    },
    {
      method: "DELETE",
      pattern,
      action: "Microsoft.Authorization/locks/delete",
      handle(ctx) {
        const existed = ctx.store.delete(ctx.path);
        return { status: existed ? 200 : 204 };
      },
    },
  ]),
  ...atEveryScope(ALL).map(
    (pattern): ArmRoute => ({
      method: "GET",
      pattern,
      action: "Microsoft.Authorization/locks/read",
      handle: (ctx) => ctx.page({ scope: scopeOf(ctx.path, 3), type: LOCK_TYPE, recursive: true }),
    }),
  ),
];
