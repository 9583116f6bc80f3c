import type { RoleAssignmentCreateParameters } from "@azure/arm-authorization";
import { identityLocation } from "@infra/managed-identities";
import type { DesiredResource, LiveResource, ResourceKind, WireObject } from "@infra/plan";
import { isOwnedBy } from "@infra/plan";
import { type KindOptions, listWire, ownershipFromNote } from "@infra/resource-groups";
import { authorizationClient, msiClient } from "./arm-clients.ts";
import { ROLE_ASSIGNMENT_KIND } from "./identity-ids.ts";
import { isPendingPrincipal, pendingPrincipalIdentity } from "./pending-principal.ts";

const SCOPE_OF = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

/**
 * The deploy identities' role assignments, the approach of @infra/storage's role-assignment kind: one list of the
 * subscription's assignments per read; ownership in the `description` note; deterministic names. An assignment for
 * an identity created in the same apply names its principal only once the identity exists: it is looked up then.
 */
export function roleAssignmentKind(options: KindOptions): ResourceKind {
  const client = authorizationClient(options.azure);
  const identities = msiClient(options.azure);
  const ownershipOf = (body: WireObject) => ownershipFromNote((body.properties as WireObject | undefined)?.description);
  const principalOf = async (value: unknown, signal: AbortSignal): Promise<string> => {
    if (!isPendingPrincipal(value)) return String(value);
    const { group, name } = identityLocation(pendingPrincipalIdentity(value));
    const identity = await identities.userAssignedIdentities.get(group, name, { abortSignal: signal });
    if (!identity.principalId) throw new TypeError(`identity ${name} has no principal id yet`);
    return identity.principalId;
  };
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const settings = (desired.properties.properties ?? {}) as WireObject;
    const parameters: RoleAssignmentCreateParameters = {
      roleDefinitionId: String(settings.roleDefinitionId),
      principalId: await principalOf(settings.principalId, signal),
      // Set, so a just-created identity is not refused while the directory replicates it (PrincipalNotFound).
      principalType: "ServicePrincipal",
      description: String(settings.description),
    };
    await client.roleAssignments.create(desired.id.replace(SCOPE_OF, ""), desired.name, parameters, {
      abortSignal: signal,
    });
  };
  return {
    kind: ROLE_ASSIGNMENT_KIND,
    tagsPath: null,
    immutablePaths: ["properties.roleDefinitionId", "properties.principalId"],
    caseInsensitivePaths: ["properties.principalId", "properties.principalType"],
    readOwnership: (live: LiveResource) => ownershipOf(live.body),
    async readLive(request) {
      const wanted = new Set(request.ids.map((id) => id.toLowerCase()));
      const assignments = await listWire(() =>
        client.roleAssignments.listForSubscription({ abortSignal: request.signal }),
      );
      return assignments
        .filter(
          (body) =>
            wanted.has(String(body.id).toLowerCase()) ||
            isOwnedBy(ownershipOf(body), request.environment, request.tasks),
        )
        .map((body): LiveResource => ({ id: String(body.id), kind: ROLE_ASSIGNMENT_KIND, body }));
    },
    create: put,
    // Principal and role are fixed by the name; a repeated PUT restores the principal type and the note.
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      await client.roleAssignments.delete(live.id.replace(SCOPE_OF, ""), String(live.body.name), {
        abortSignal: signal,
      });
    },
  };
}
