import { ResourceManagementClient } from "@azure/arm-resources";
import {
  type DesiredResource,
  isOwnedBy,
  type LiveResource,
  MANAGED_BY,
  ownershipFromTags,
  type ResourceKind,
} from "@infra/plan";
import type { KindOptions } from "./kind-options.ts";
import { groupNameOf } from "./resource-ids.ts";
import { UnownedContentsError } from "./unowned-contents-error.ts";
import { listWire } from "./wire-capture.ts";

export const RESOURCE_GROUP_KIND = "Microsoft.Resources/resourceGroups";

/**
 * Resource groups: one list of the subscription's groups per read (ARM lists a caller whose roles are on some groups
 * only those groups, so this list needs no per-group fallback); create and update are the same PUT (location +
 * tags); a delete first lists the group's resources and refuses if any is not this environment's.
 */
export function resourceGroupKind(options: KindOptions): ResourceKind {
  const client = new ResourceManagementClient(
    options.azure.credential,
    options.azure.subscriptionId,
    options.azure.clientOptions,
  );
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
    async readLive(request) {
      const wanted = new Set(request.ids.map((id) => id.toLowerCase()));
      const groups = await listWire(() => client.resourceGroups.list({ abortSignal: request.signal }));
      return groups
        .filter(
          (body) =>
            wanted.has(String(body.id).toLowerCase()) ||
            isOwnedBy(ownershipFromTags(body.tags), request.environment, request.tasks),
        )
        .map((body): LiveResource => ({ id: String(body.id), kind: RESOURCE_GROUP_KIND, body }));
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
