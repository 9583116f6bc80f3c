import { createHash } from "node:crypto";

/** Where an environment's apply lock lives: a container of a storage account in the environment's first group. */
export interface LockHome {
  readonly resourceGroup: string;
  readonly accountName: string;
  readonly containerName: string;
  readonly accountId: string;
  readonly containerId: string;
}

/**
 * The part of an environment the lock's place is derived from: its name, prefix and the `resourceGroups` section
 * (owned by the resource-groups task, read here by its key: the lock is every task's, so no task's type is imported).
 */
export interface LockedEnvironment {
  readonly name: string;
  readonly namingPrefix: string;
  readonly [section: string]: unknown;
}

function firstGroupName(environment: LockedEnvironment): string | undefined {
  const groups = environment.resourceGroups;
  const first: unknown = Array.isArray(groups) ? groups[0] : undefined;
  const name = typeof first === "object" && first !== null ? (first as { name?: unknown }).name : undefined;
  return typeof name === "string" ? name : undefined;
}

export const LOCK_CONTAINER = "apply-lock";

/**
 * The environment's lock account: `<namingPrefix>lock<6 hex of subscription and environment>`, in its first resource
 * group. The name is global in Azure, so it is derived from what identifies the environment (subscription + name),
 * never chosen by hand; the storage task provisions the account with the secure baseline like any other, and the
 * lock module keeps the `apply-lock` container in it. An environment with no resource group has nothing to lock.
 */
export function lockHome(environment: LockedEnvironment, subscriptionId: string): LockHome | undefined {
  const group = firstGroupName(environment);
  if (group === undefined) return undefined;
  const digest = createHash("sha256")
    .update(`${subscriptionId.toLowerCase()}|${environment.name}`)
    .digest("hex")
    .slice(0, 6);
  const accountName = `${environment.namingPrefix}lock${digest}`;
  const accountId = `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Storage/storageAccounts/${accountName}`;
  return {
    resourceGroup: group,
    accountName,
    containerName: LOCK_CONTAINER,
    accountId,
    containerId: `${accountId}/blobServices/default/containers/${LOCK_CONTAINER}`,
  };
}
