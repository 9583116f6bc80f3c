/**
 * Plan addresses of every task's resources, `<task>.<type>["<name>"]`. A task depends on another's resources by
 * address (a storage account waits for `resourceGroupAddress(group)`), so the formats live in one place.
 */
export const RESOURCE_GROUPS_TASK = "resource-groups";
export const MANAGED_IDENTITIES_TASK = "managed-identities";
export const STORAGE_TASK = "storage";
/** Stamped into the ownership tag `task` of everything the GitHub deploy-identity bootstrap creates. */
export const GITHUB_OIDC_TASK = "github-oidc";

export function resourceGroupAddress(name: string): string {
  return `${RESOURCE_GROUPS_TASK}.group["${name}"]`;
}

export function resourceGroupLockAddress(groupName: string): string {
  return `${RESOURCE_GROUPS_TASK}.lock["${groupName}"]`;
}

/** Names are unique within an environment (the schema checks it). */
export function identityAddress(name: string): string {
  return `${MANAGED_IDENTITIES_TASK}.identity["${name}"]`;
}

/** `storage.<type>["<account>[/<child>]"]`. */
export const storageAddress = {
  account: (account: string) => `${STORAGE_TASK}.account["${account}"]`,
  blobService: (account: string) => `${STORAGE_TASK}.blob-service["${account}"]`,
  fileService: (account: string) => `${STORAGE_TASK}.file-service["${account}"]`,
  container: (account: string, container: string) => `${STORAGE_TASK}.container["${account}/${container}"]`,
  lifecycle: (account: string) => `${STORAGE_TASK}.lifecycle["${account}"]`,
  roleAssignment: (account: string, role: string, principalId: string) =>
    `${STORAGE_TASK}.role-assignment["${account}/${role}/${principalId}"]`,
} as const;

/** The deploy identities' resources, by deploy role (`apply`, `read`). */
export const githubOidcAddress = {
  group: (name: string) => `${GITHUB_OIDC_TASK}.group["${name}"]`,
  identity: (role: string) => `${GITHUB_OIDC_TASK}.identity["${role}"]`,
  credential: (role: string, name: string) => `${GITHUB_OIDC_TASK}.credential["${role}/${name}"]`,
  roleAssignment: (role: string, roleName: string, scopeName: string) =>
    `${GITHUB_OIDC_TASK}.role["${role}/${roleName}@${scopeName}"]`,
} as const;
