import {
  GROUP_LOCK_KIND,
  GROUP_LOCK_NAME,
  groupLockId,
  ownershipNote,
  RESOURCE_GROUP_KIND,
  RESOURCE_GROUPS_TASK,
  resourceGroupAddress,
  resourceGroupId,
  resourceGroupLockAddress,
} from "@infra/arm";
import { type Environment, resourceGroupsSection } from "@infra/environments";
import type { DesiredResource } from "@infra/plan";

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
