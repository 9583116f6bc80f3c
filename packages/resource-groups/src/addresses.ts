/**
 * Plan addresses of this task's resources. Other tasks import them to depend on a group (storage accounts wait for
 * `resourceGroupAddress(group)`), so the format lives in one place.
 */
export const RESOURCE_GROUPS_TASK = "resource-groups";

export function resourceGroupAddress(name: string): string {
  return `${RESOURCE_GROUPS_TASK}.group["${name}"]`;
}

export function resourceGroupLockAddress(groupName: string): string {
  return `${RESOURCE_GROUPS_TASK}.lock["${groupName}"]`;
}
