// `@infra/arm/names`: the ARM types, ids and plan addresses of every task's resources, the environment lock's home, and the built-in roles — plain
// strings, no ARM SDK and no plan engine, so a task definition or an audit can name resources without loading them.
export {
  GITHUB_OIDC_TASK,
  githubOidcAddress,
  identityAddress,
  MANAGED_IDENTITIES_TASK,
  RESOURCE_GROUPS_TASK,
  resourceGroupAddress,
  resourceGroupLockAddress,
  STORAGE_TASK,
  storageAddress,
} from "./addresses.ts";
export { BUILT_IN_ROLE_IDS, type BuiltInRole, roleDefinitionId } from "./built-in-roles.ts";
export { type LockedEnvironment, type LockHome, lockHome } from "./lock-home.ts";
export {
  type AccountLocation,
  accountLocationOf,
  CREDENTIAL_KIND,
  credentialId,
  GROUP_LOCK_KIND,
  GROUP_LOCK_NAME,
  groupLockId,
  groupNameOf,
  IDENTITY_KIND,
  identityId,
  identityLocation,
  lastSegment,
  parentIdentityId,
  RESOURCE_GROUP_KIND,
  resourceGroupId,
  storageAccountId,
} from "./resource-ids.ts";
export { assignmentScope, ROLE_ASSIGNMENT_KIND, roleAssignmentId } from "./role-assignment-ids.ts";
