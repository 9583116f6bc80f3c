import { STORAGE_TASK } from "@infra/arm";
import { MANAGED_BY, type Ownership } from "@infra/plan";

/**
 * The blob service and the lifecycle policy are singletons of an account with no field to carry ownership. They are
 * read only under the environment's own accounts, whose ownership the account kind checks in the same plan (an
 * account that is not ours is a plan problem that blocks apply), so they are ours when they are found at all.
 */
export function accountChildOwnership(environment: string): Ownership {
  return { managedBy: MANAGED_BY, environment, task: STORAGE_TASK };
}
