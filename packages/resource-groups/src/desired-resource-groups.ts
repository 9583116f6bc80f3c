import type { Environment } from "@infra/environments";
import type { DesiredResource } from "@infra/plan";
import { RESOURCE_GROUPS_TASK, resourceGroupAddress, resourceGroupLockAddress } from "./addresses.ts";
import { GROUP_LOCK_KIND } from "./group-lock-kind.ts";
import { ownershipNote } from "./ownership-note.ts";
import { RESOURCE_GROUP_KIND } from "./resource-group-kind.ts";
import { resourceGroupsSection } from "./resource-groups-section.ts";
import { GROUP_LOCK_NAME, groupLockId, resourceGroupId } from "./resource-ids.ts";

/** The environment's groups (location + environment and group tags) and, where `lock` is set, their locks. */
export function desiredResourceGroups(environment: Environment, subscriptionId: string): DesiredResource[] {
  return resourceGroupsSection.of(environment).flatMap((group): DesiredResource[] => {
    const address = resourceGroupAddress(group.name);
    const resourceGroup: DesiredResource = {
      address,
      kind: RESOURCE_GROUP_KIND,
      id: resourceGroupId(subscriptionId, group.name),
      name: group.name,
      dependsOn: [],
      properties: { location: group.location ?? environment.location, tags: { ...environment.tags, ...group.tags } },
      task: RESOURCE_GROUPS_TASK,
    };
    if (!group.lock) return [resourceGroup];
    const lock: DesiredResource = {
      address: resourceGroupLockAddress(group.name),
      kind: GROUP_LOCK_KIND,
      id: groupLockId(subscriptionId, group.name),
      name: GROUP_LOCK_NAME,
      dependsOn: [address],
      properties: { properties: { level: group.lock, notes: ownershipNote(environment.name, RESOURCE_GROUPS_TASK) } },
      task: RESOURCE_GROUPS_TASK,
    };
    return [resourceGroup, lock];
  });
}
