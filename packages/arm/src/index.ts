export { EnvironmentLock, type EnvironmentLockOptions, type LockStatus } from "./environment-lock.ts";
export { describeHolder, EnvironmentLockedError, LockLostError } from "./lock-errors.ts";
export { type LockHolder, thisRun } from "./lock-holder.ts";
export { type LockedEnvironment, type LockHome, lockHome } from "./lock-home.ts";
export { resourceGroupNames } from "./resource-group-names.ts";
export { retryingTransientAnswers, retryTransientAnswers, TRANSIENT_ANSWERS } from "./transient-answers.ts";
