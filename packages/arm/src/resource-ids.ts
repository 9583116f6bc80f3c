/**
 * ARM types and ids of what the tasks manage, in one place: a task builds the ids of its own resources and of those
 * it depends on (a storage account's group, a grant's identity) from these.
 */
export const RESOURCE_GROUP_KIND = "Microsoft.Resources/resourceGroups";
export const GROUP_LOCK_KIND = "Microsoft.Authorization/locks";
export const IDENTITY_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities";
export const CREDENTIAL_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";

/** arm-resources spells `resourcegroups`, ARM answers `resourceGroups`. */
export function resourceGroupId(subscriptionId: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
}

/** The group name inside any id under `/subscriptions/x/resourceGroups/NAME/...`. */
export function groupNameOf(id: string): string {
  const match = /\/resourcegroups\/([^/]+)/i.exec(id);
  if (!match?.[1]) throw new TypeError(`not an id inside a resource group: ${id}`);
  return match[1];
}

/** The one lock the resource-groups task puts on a group. */
export const GROUP_LOCK_NAME = "azure-infra-ops-lock";

export function groupLockId(subscriptionId: string, groupName: string): string {
  return `${resourceGroupId(subscriptionId, groupName)}/providers/${GROUP_LOCK_KIND}/${GROUP_LOCK_NAME}`;
}

export function identityId(subscriptionId: string, group: string, name: string): string {
  return `${resourceGroupId(subscriptionId, group)}/providers/${IDENTITY_KIND}/${name}`;
}

/** Group and name of an identity id, for the SDK's (group, name) calls. */
export function identityLocation(id: string): { group: string; name: string } {
  return { group: groupNameOf(id), name: id.split("/").at(-1) ?? "" };
}

export function credentialId(identity: string, name: string): string {
  return `${identity}/federatedIdentityCredentials/${name}`;
}

/** The identity a federated credential id sits under. */
export function parentIdentityId(credential: string): string {
  return credential.replace(/\/federatedIdentityCredentials\/[^/]+$/i, "");
}

/** A storage account, located: what the child kinds need to read and write under it. */
export interface AccountLocation {
  readonly resourceGroup: string;
  readonly name: string;
}

export function storageAccountId(subscriptionId: string, account: AccountLocation): string {
  return `${resourceGroupId(subscriptionId, account.resourceGroup)}/providers/Microsoft.Storage/storageAccounts/${account.name}`;
}

/** Group and account name from any id at or under a storage account. */
export function accountLocationOf(id: string): AccountLocation {
  const match = /\/resourcegroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)/i.exec(id);
  if (!match?.[1] || !match[2]) throw new TypeError(`not an id at or under a storage account: ${id}`);
  return { resourceGroup: match[1], name: match[2] };
}

/** The last segment of an ARM id. */
export function lastSegment(id: string): string {
  return id.split("/").filter(Boolean).at(-1) ?? id;
}
