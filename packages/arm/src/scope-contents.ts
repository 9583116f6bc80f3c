import type { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import type { ManagementLockClient } from "@infra/auth/lock-client";
import { MANAGED_BY, type Ownership, type PlanContent, type WireObject } from "@infra/plan";
import { ownershipFromNote } from "./ownership-note.ts";
import { groupNameOf } from "./resource-ids.ts";
import { listWire } from "./wire-reads.ts";

/** A listed body as plan content: its id and type, and its owner when it carries this repository's stamp. */
export function planContent(body: WireObject, ownership: Ownership | undefined): PlanContent {
  const owner =
    ownership?.managedBy === MANAGED_BY ? { environment: ownership.environment, task: ownership.task } : undefined;
  return { id: String(body.id), type: String(body.type), ...(owner ? { owner } : {}) };
}

const isUnder = (id: unknown, scope: string): boolean =>
  String(id)
    .toLowerCase()
    .startsWith(`${scope.toLowerCase().replace(/\/+$/, "")}/`);

/**
 * The role assignments and management locks at `scope` (a resource group or a resource in one) or below it: ARM
 * deletes them with the resource at `scope`.
 * (A list at a scope also returns what is inherited from above; that is not deleted, so it is left out.)
 */
export async function extensionsUnder(
  clients: { authorization: AuthorizationManagementClient; locks: ManagementLockClient },
  scope: string,
  signal: AbortSignal | undefined,
): Promise<PlanContent[]> {
  const [assignments, locks] = await Promise.all([
    listWire(() => clients.authorization.roleAssignments.listForScope(scope, { abortSignal: signal })),
    // The group's list holds the locks on everything in it; `listByScope` would send the scope percent-encoded.
    listWire(() => clients.locks.managementLocks.listAtResourceGroupLevel(groupNameOf(scope), { abortSignal: signal })),
  ]);
  const noteOf = (body: WireObject, field: string) =>
    ownershipFromNote((body.properties as WireObject | undefined)?.[field]);
  return [
    ...assignments
      .filter((body) => isUnder(body.id, scope))
      .map((body) => planContent(body, noteOf(body, "description"))),
    ...locks.filter((body) => isUnder(body.id, scope)).map((body) => planContent(body, noteOf(body, "notes"))),
  ];
}
