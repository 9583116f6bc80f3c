/**
 * Whether an ARM scope (subscription, group, resource) is `resourceId` itself or one of its ancestors: what makes a
 * lock or role assignment apply to it. Case-insensitive (ARM returns the casing last written: `resourcegroups` vs
 * `resourceGroups`) and on segment boundaries (`rg-app` does not contain `rg-app2`).
 */
export function scopeContains(scope: string, resourceId: string): boolean {
  const outer = scope.replace(/\/+$/, "").toLowerCase();
  const inner = resourceId.replace(/\/+$/, "").toLowerCase();
  return inner === outer || inner.startsWith(`${outer}/`);
}

/** The scope an extension resource lives at: `<scope>/providers/Microsoft.Authorization/locks/<name>` -> `<scope>`. */
export function extensionScope(extensionId: string, namespaceAndType: string): string {
  const marker = `/providers/${namespaceAndType}/`.toLowerCase();
  const at = extensionId.toLowerCase().lastIndexOf(marker);
  return at < 0 ? extensionId : extensionId.slice(0, at);
}
