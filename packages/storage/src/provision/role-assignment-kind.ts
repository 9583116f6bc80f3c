import type { RoleAssignmentCreateParameters } from "@azure/arm-authorization";
import type { DesiredResource, LiveResource, Ownership, ResourceKind, WireObject } from "@infra/plan";
import { listWireOrPerGroup, ownershipFromNote, ownershipNote } from "@infra/resource-groups";
import { accountChildOwnership } from "./account-child-ownership.ts";
import { STORAGE_TASK } from "./addresses.ts";
import { ownedOrWanted } from "./owned-or-wanted.ts";
import { roleAssignmentName } from "./role-assignment-name.ts";
import { authorizationClient } from "./storage-clients.ts";
import { lastSegment, storageAccountId } from "./storage-ids.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

const SCOPE_OF = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

/**
 * Data-plane role assignments at account scope: one list for the whole subscription per read (per group where ARM
 * refuses that).
 * Ownership: the `description` written at creation (`managed-by=...;environment=...;task=storage`) or, where a service
 * does not keep it (the emulator today), the name itself: at one of this environment's accounts, a name equal to the
 * one derived from scope + principal + role in this repo's namespace (role-assignment-name.ts) was made by this task.
 */
export function roleAssignmentKind(options: StorageKindOptions): ResourceKind {
  const client = authorizationClient(options.azure);
  const accountScopes = new Set(
    options.accounts.map((account) => storageAccountId(options.azure.subscriptionId, account).toLowerCase()),
  );
  const ownershipOf = (body: WireObject): Ownership | undefined => {
    const properties = (body.properties ?? {}) as WireObject;
    const noted = ownershipFromNote(properties.description);
    if (noted) return noted;
    const scope = String(body.id).replace(SCOPE_OF, "");
    if (!accountScopes.has(scope.toLowerCase())) return undefined;
    const derived = roleAssignmentName(
      scope,
      String(properties.principalId),
      lastSegment(String(properties.roleDefinitionId)),
    );
    return String(body.name).toLowerCase() === derived ? accountChildOwnership(options.environment) : undefined;
  };
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const settings = (desired.properties.properties ?? {}) as unknown as RoleAssignmentCreateParameters;
    await client.roleAssignments.create(
      desired.id.replace(SCOPE_OF, ""),
      desired.name,
      { ...settings, description: ownershipNote(options.environment, STORAGE_TASK) },
      { abortSignal: signal },
    );
  };
  return {
    kind: STORAGE_KINDS.roleAssignment,
    tagsPath: null,
    immutablePaths: ["properties.roleDefinitionId", "properties.principalId"],
    caseInsensitivePaths: ["properties.principalId", "properties.principalType"],
    readOwnership: (live: LiveResource) => ownershipOf(live.body),
    async readLive(request) {
      const assignments = await listWireOrPerGroup(
        {
          subscription: () => client.roleAssignments.listForSubscription({ abortSignal: request.signal }),
          // At a group, ARM lists the assignments at, above and below it: those on its accounts among them.
          group: (name) => client.roleAssignments.listForResourceGroup(name, { abortSignal: request.signal }),
        },
        options.resourceGroups,
      );
      return ownedOrWanted(STORAGE_KINDS.roleAssignment, assignments, request, ownershipOf);
    },
    create: put,
    // Principal and role are in the name, so only the principal type can differ: a repeated PUT sets it.
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      await client.roleAssignments.delete(live.id.replace(SCOPE_OF, ""), lastSegment(live.id), { abortSignal: signal });
    },
  };
}
