import { extensionScope, isArmResource, scopeContains } from "@infra/audit/collect";

/**
 * The role assignments or locks (read once per subscription) that apply to `resourceId`: made at it or above it.
 * A role assignment names its scope in `properties.scope`; a lock's scope is the part of its id before the provider.
 */
export function appliesAt(resourceId: string, extensions: readonly unknown[], namespaceAndType: string): unknown[] {
  return extensions.filter((item) => {
    if (!isArmResource(item)) return false;
    const declared = item.properties?.scope;
    const scope = typeof declared === "string" ? declared : extensionScope(item.id, namespaceAndType);
    return scopeContains(scope, resourceId);
  });
}
