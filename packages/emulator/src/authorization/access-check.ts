import type { ArmResource, Principal, ResourceStore } from "../arm/contract.ts";
import { ArmError } from "../arm/contract.ts";
import { actionMatches } from "./action-matcher.ts";
import { findBuiltInRole } from "./built-in-roles.ts";

export const ROLE_ASSIGNMENT_TYPE = "Microsoft.Authorization/roleAssignments";
export const LOCK_TYPE = "Microsoft.Authorization/locks";

/** Every scope at or above `path` on segment boundaries: `/subscriptions/s`, `/subscriptions/s/resourceGroups/rg`, ... */
export function scopesAbove(path: string): string[] {
  const seg = path.split("/").filter((s) => s.length > 0);
  const out: string[] = [];
  let prefix = "";
  for (const s of seg) {
    prefix = `${prefix}/${s}`;
    out.push(prefix);
  }
  return out;
}

/** Role assignments stored at `path` or any scope above it (what applies to a request on `path`). */
export function assignmentsAbove(store: ResourceStore, path: string): ArmResource[] {
  const out: ArmResource[] = [];
  for (const scope of scopesAbove(path)) {
    let cursor: string | undefined;
    do {
      const page = store.list({ scope, type: ROLE_ASSIGNMENT_TYPE }, cursor, 1000);
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
  }
  return out;
}

/**
 * Whether the principal's role assignments at or above `scope` grant `action` (Actions minus NotActions, per role).
 * `effective` (realism mode) leaves out assignments that have not propagated yet.
 */
export function isAllowed(
  store: ResourceStore,
  principal: Principal,
  action: string,
  scope: string,
  effective?: (assignment: ArmResource) => boolean,
): boolean {
  const oid = principal.objectId.toLowerCase();
  for (const assignment of assignmentsAbove(store, scope)) {
    if (effective && !effective(assignment)) continue;
    const props = assignment.properties ?? {};
    if (String(props.principalId ?? "").toLowerCase() !== oid) continue;
    const role = findBuiltInRole(String(props.roleDefinitionId ?? ""));
    if (!role) continue;
    const granted = role.actions.some((p) => actionMatches(p, action));
    const denied = role.notActions.some((p) => actionMatches(p, action));
    if (granted && !denied) return true;
  }
  return false;
}

/**
 * Whether any of the principal's role assignments at or below `scope` grants `action`: where ARM filters a collection,
 * such a caller gets the items it may read rather than a 403 (a group-scoped Contributor lists the groups it holds).
 */
export function isAllowedBelow(
  store: ResourceStore,
  principal: Principal,
  action: string,
  scope: string,
  effective?: (assignment: ArmResource) => boolean,
): boolean {
  const oid = principal.objectId.toLowerCase();
  let cursor: string | undefined;
  do {
    const page = store.list({ scope, type: ROLE_ASSIGNMENT_TYPE, recursive: true }, cursor, 1000);
    for (const assignment of page.items) {
      if (effective && !effective(assignment)) continue;
      const props = assignment.properties ?? {};
      if (String(props.principalId ?? "").toLowerCase() !== oid) continue;
      const role = findBuiltInRole(String(props.roleDefinitionId ?? ""));
      if (role?.actions.some((p) => actionMatches(p, action)) && !role.notActions.some((p) => actionMatches(p, action)))
        return true;
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return false;
}

/** 403 AuthorizationFailed with the message ARM sends. */
export function authorizationFailed(principal: Principal, action: string, scope: string): ArmError {
  return new ArmError(
    403,
    "AuthorizationFailed",
    `The client '${principal.clientId}' with object id '${principal.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
