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
export { isAuthorizationFailed, isNotFound } from "./arm-errors.ts";
export { BUILT_IN_ROLE_IDS, type BuiltInRole, roleDefinitionId } from "./built-in-roles.ts";
export { EnvironmentLock, type EnvironmentLockOptions, type LockStatus } from "./environment-lock.ts";
export { identityPrincipals, principalResolver } from "./identity-principals.ts";
export { type KindOptions, kindOptionsFor } from "./kind-options.ts";
export { listWireOrPerGroup, type SubscriptionOrGroupList } from "./list-wire-or-per-group.ts";
export { describeHolder, EnvironmentLockedError, LockLostError } from "./lock-errors.ts";
export { type LockHolder, thisRun } from "./lock-holder.ts";
export { type LockedEnvironment, type LockHome, lockHome } from "./lock-home.ts";
export { msiClient } from "./msi-client.ts";
export { ownedOrWanted } from "./owned-or-wanted.ts";
export { ownershipFromNote, ownershipNote } from "./ownership-note.ts";
export { isPendingPrincipal, pendingPrincipal } from "./pending-principal.ts";
export { resourceGroupNames } from "./resource-group-names.ts";
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
export { type RoleAssignmentKindOptions, roleAssignmentKind } from "./role-assignment-kind.ts";
export { roleAssignmentName } from "./role-assignment-name.ts";
export { extensionsUnder, planContent } from "./scope-contents.ts";
export { retryingTransientAnswers, retryTransientAnswers, TRANSIENT_ANSWERS } from "./transient-answers.ts";
export { WireCaptureError } from "./wire-capture-error.ts";
export { getWire, listWire, readWire } from "./wire-reads.ts";
