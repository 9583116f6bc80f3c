// The names, ids and addresses (no SDK) are also `@infra/arm/names`, which audits and task definitions import.

export { isAuthorizationFailed, isNotFound } from "./arm-errors.ts";
export { EnvironmentLock, type EnvironmentLockOptions, type LockStatus } from "./environment-lock.ts";
export {
  type ExistingIdentity,
  existingIdentities,
  identityPrincipals,
  principalResolver,
} from "./identity-principals.ts";
export { type KindOptions, kindOptionsFor } from "./kind-options.ts";
export { listWireOrPerGroup, type SubscriptionOrGroupList } from "./list-wire-or-per-group.ts";
export { describeHolder, EnvironmentLockedError, LockLostError } from "./lock-errors.ts";
export { type LockHolder, thisRun } from "./lock-holder.ts";
export { msiClient } from "./msi-client.ts";
export * from "./names.ts";
export { ownedOrWanted } from "./owned-or-wanted.ts";
export { ownershipFromNote, ownershipNote } from "./ownership-note.ts";
export { isPendingPrincipal, pendingPrincipal } from "./pending-principal.ts";
export { resourceGroupNames } from "./resource-group-names.ts";
export { type RoleAssignmentKindOptions, roleAssignmentKind } from "./role-assignment-kind.ts";
export { roleAssignmentName } from "./role-assignment-name.ts";
export { extensionsUnder, planContent } from "./scope-contents.ts";
export { retryingTransientAnswers, retryTransientAnswers, TRANSIENT_ANSWERS } from "./transient-answers.ts";
export { WireCaptureError } from "./wire-capture-error.ts";
export { getWire, listWire, readWire } from "./wire-reads.ts";
