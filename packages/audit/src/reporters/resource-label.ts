/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct` -> `rg/acct`. */
export function resourceLabel(resourceId: string): string {
  const segments = resourceId.split("/").filter((segment) => segment.length > 0);
  const groupIndex = segments.findIndex((segment) => segment.toLowerCase() === "resourcegroups");
  const name = segments.at(-1) ?? resourceId;
  const group = groupIndex >= 0 ? segments[groupIndex + 1] : undefined;
  if (group === undefined || group === name) return name;
  return `${group}/${name}`;
}
