import { extensionScope, isArmResource, scopeContains } from "@infra/audit/collect";

const LOCK_TYPE = "Microsoft.Authorization/locks";

/**
 * The locks that protect `resourceId`: those at its subscription, its group or itself (a lock on a child, such as a
 * container, does not). The subscription's lock list is read once and mapped here, not listed per account.
 */
export function locksApplyingTo(resourceId: string, locks: readonly unknown[]): unknown[] {
  return locks.filter((lock) => isArmResource(lock) && scopeContains(extensionScope(lock.id, LOCK_TYPE), resourceId));
}
