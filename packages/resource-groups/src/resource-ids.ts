/** ARM ids of what this task manages; arm-resources spells `resourcegroups`, ARM answers `resourceGroups`. */
export function resourceGroupId(subscriptionId: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
}

/** The one lock this task puts on a group. */
export const GROUP_LOCK_NAME = "azure-infra-ops-lock";

export function groupLockId(subscriptionId: string, groupName: string): string {
  return `${resourceGroupId(subscriptionId, groupName)}/providers/Microsoft.Authorization/locks/${GROUP_LOCK_NAME}`;
}

/** The group name inside any id under `/subscriptions/x/resourceGroups/NAME/...`. */
export function groupNameOf(id: string): string {
  const match = /\/resourcegroups\/([^/]+)/i.exec(id);
  if (!match?.[1]) throw new TypeError(`not an id inside a resource group: ${id}`);
  return match[1];
}
