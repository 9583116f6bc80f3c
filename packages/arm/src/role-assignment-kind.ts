import type { RoleAssignmentCreateParameters } from "@azure/arm-authorization";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import type { DesiredResource, LiveResource, Ownership, ResourceKind, WireObject } from "@infra/plan";
import type { KindOptions } from "./kind-options.ts";
import { listWireOrPerGroup } from "./list-wire-or-per-group.ts";
import { ownedOrWanted } from "./owned-or-wanted.ts";
import { ownershipFromNote, ownershipNote } from "./ownership-note.ts";
import { assignmentScope, ROLE_ASSIGNMENT_KIND } from "./role-assignment-ids.ts";
import { getWire } from "./wire-reads.ts";

export interface RoleAssignmentKindOptions extends KindOptions {
  /** The task whose ownership note every assignment it writes carries in `description`. */
  readonly task: string;
  /** Ownership of an assignment whose description a service did not keep (e.g. a name derived from its content). */
  readonly fallbackOwnership?: (body: WireObject) => Ownership | undefined;
  /** The plan address of an assignment no longer configured; default `<task>.role-assignment["<name>"]`. */
  readonly addressOf?: (body: WireObject, owner: Ownership) => string;
  /** The principal to grant, where the desired value is a placeholder until an identity of the same apply exists. */
  readonly resolvePrincipal?: (value: unknown, signal: AbortSignal) => Promise<string>;
}

/**
 * Role assignments, for every task that grants roles (storage's data roles, github-oidc's deploy identities): one list
 * of the subscription's assignments per read (per group when only the groups are readable); assignments carry no
 * tags, so ownership is the note in `description`; names are chosen by the task, deterministic so re-plans match.
 * Principal and role are fixed by the name, so an update is the same PUT (it restores principal type and note).
 */
export function roleAssignmentKind(options: RoleAssignmentKindOptions): ResourceKind {
  const client = new AuthorizationManagementClient(
    options.azure.credential,
    options.azure.subscriptionId,
    options.azure.clientOptions,
  );
  const ownershipOf = (body: WireObject): Ownership | undefined =>
    ownershipFromNote((body.properties as WireObject | undefined)?.description) ?? options.fallbackOwnership?.(body);
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const settings = (desired.properties.properties ?? {}) as WireObject;
    const parameters: RoleAssignmentCreateParameters = {
      roleDefinitionId: String(settings.roleDefinitionId),
      principalId: options.resolvePrincipal
        ? await options.resolvePrincipal(settings.principalId, signal)
        : String(settings.principalId),
      // Set, so a principal created moments ago is not refused while the directory replicates it (PrincipalNotFound).
      principalType: (settings.principalType as RoleAssignmentCreateParameters["principalType"]) ?? "ServicePrincipal",
      description: ownershipNote(options.environment, options.task),
    };
    await client.roleAssignments.create(assignmentScope(desired.id), desired.name, parameters, {
      abortSignal: signal,
    });
  };
  return {
    kind: ROLE_ASSIGNMENT_KIND,
    tagsPath: null,
    immutablePaths: ["properties.roleDefinitionId", "properties.principalId"],
    caseInsensitivePaths: ["properties.principalId", "properties.principalType"],
    readOwnership: (live: LiveResource) => ownershipOf(live.body),
    addressOf: (live, owner) =>
      options.addressOf?.(live.body, owner) ?? `${owner.task}.role-assignment["${String(live.body.name)}"]`,
    async readLive(request) {
      const assignments = await listWireOrPerGroup(
        {
          subscription: () => client.roleAssignments.listForSubscription({ abortSignal: request.signal }),
          // At a group, ARM lists the assignments at, above and below it.
          group: (name) => client.roleAssignments.listForResourceGroup(name, { abortSignal: request.signal }),
        },
        options.resourceGroups,
      );
      // A list may not yet show an assignment made moments ago, and ARM refuses to create one twice
      // (RoleAssignmentExists): each wanted assignment the list lacks is read by its id before it is planned anew.
      const listed = new Set(assignments.map((body) => String(body.id).toLowerCase()));
      const unlisted = await Promise.all(
        request.ids
          .filter((id) => !listed.has(id.toLowerCase()))
          .map((id) => getWire(() => client.roleAssignments.getById(id, { abortSignal: request.signal }))),
      );
      const bodies = [...assignments, ...unlisted.filter((body) => body !== undefined)];
      return ownedOrWanted(ROLE_ASSIGNMENT_KIND, bodies, request, ownershipOf);
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      await client.roleAssignments.delete(assignmentScope(live.id), String(live.body.name), {
        abortSignal: signal,
      });
    },
  };
}
