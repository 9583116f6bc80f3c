/** Scope prefixes an extension resource (role assignment, lock, tags) can live under, as route templates. */
export const SCOPE_PREFIXES = [
  "/subscriptions/{subscriptionId}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{scopeNamespace}/{scopeType}/{scopeName}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{scopeNamespace}/{scopeType}/{scopeName}/{childType}/{childName}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{scopeNamespace}/{scopeType}/{scopeName}/{childType}/{childName}/{grandchildType}/{grandchildName}",
] as const;

/** `suffix` under every scope prefix, e.g. `/providers/Microsoft.Authorization/locks/{lockName}`. */
export function atEveryScope(suffix: string): string[] {
  return SCOPE_PREFIXES.map((p) => `${p}${suffix}`);
}

/** The scope part of `path`, given how many trailing segments the route suffix has. */
export function scopeOf(path: string, suffixSegments: number): string {
  const seg = path.split("/").filter((s) => s.length > 0);
  return `/${seg.slice(0, seg.length - suffixSegments).join("/")}`;
}
