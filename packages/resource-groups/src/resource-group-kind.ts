import { ResourceManagementClient } from "@azure/arm-resources";
import {
  extensionsUnder,
  groupNameOf,
  type KindOptions,
  listWire,
  ownedOrWanted,
  planContent,
  RESOURCE_GROUP_KIND,
} from "@infra/arm";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { ManagementLockClient } from "@infra/auth/lock-client";
import { type DesiredResource, MANAGED_BY, ownershipFromTags, type ResourceKind } from "@infra/plan";
import { UnownedContentsError } from "./unowned-contents-error.ts";

/**
 * Resource groups: one list of the subscription's groups per read (ARM lists a caller whose roles are on some groups
 * only those groups, so this list needs no per-group fallback); create and update are the same PUT (location +
 * tags); what a delete would take with it is read into the plan, and listed again just before the delete, which
 * refuses if any resource in the group is not this environment's by then.
 */
export function resourceGroupKind(options: KindOptions): ResourceKind {
  const { credential, subscriptionId, clientOptions } = options.azure;
  const client = new ResourceManagementClient(credential, subscriptionId, clientOptions);
  const extensions = {
    authorization: new AuthorizationManagementClient(credential, subscriptionId, clientOptions),
    locks: new ManagementLockClient(credential, subscriptionId, clientOptions),
  };
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const { location, tags } = desired.properties;
    await client.resourceGroups.createOrUpdate(
      desired.name,
      { location: String(location), tags: tags as Record<string, string> },
      { abortSignal: signal },
    );
  };
  return {
    kind: RESOURCE_GROUP_KIND,
    immutablePaths: ["location"],
    addressOf: (live, owner) => `${owner.task}.group["${groupNameOf(live.id)}"]`,
    async readLive(request) {
      const groups = await listWire(() => client.resourceGroups.list({ abortSignal: request.signal }));
      return ownedOrWanted(RESOURCE_GROUP_KIND, groups, request, (body) => ownershipFromTags(body.tags));
    },
    // A group's delete takes every resource in it, and the role assignments and locks at or under it.
    async readContents(live, signal) {
      const name = groupNameOf(live.id);
      const [resources, scoped] = await Promise.all([
        listWire(() => client.resources.listByResourceGroup(name, { abortSignal: signal })),
        extensionsUnder(extensions, live.id, signal),
      ]);
      return [...resources.map((body) => planContent(body, ownershipFromTags(body.tags))), ...scoped];
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      const name = groupNameOf(live.id);
      const unowned: string[] = [];
      for await (const resource of client.resources.listByResourceGroup(name, { abortSignal: signal })) {
        if (!isEnvironmentOwned(resource.tags, options.environment))
          unowned.push(resource.id ?? resource.name ?? "(unnamed resource)");
      }
      if (unowned.length > 0) throw new UnownedContentsError(live.id, options.environment, unowned);
      await client.resourceGroups
        .delete(name, { abortSignal: signal, updateIntervalInMs: options.pollIntervalMs })
        .pollUntilDone();
    },
  };
}

/** Owned by any task of this environment: such contents may go with the group. */
function isEnvironmentOwned(tags: unknown, environment: string): boolean {
  const ownership = ownershipFromTags(tags);
  return ownership?.managedBy === MANAGED_BY && ownership.environment === environment;
}
