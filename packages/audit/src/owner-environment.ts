import { MANAGED_BY, ownershipFromTags } from "@infra/plan/ownership";

/**
 * The environment a resource belongs to when this repository manages it: its ownership tags say
 * `managed-by=azure-infra-ops` and name the environment (and task). Anything else is unowned.
 */
export function ownerEnvironment(tags: unknown): string | undefined {
  const ownership = ownershipFromTags(tags);
  return ownership?.managedBy === MANAGED_BY ? ownership.environment : undefined;
}
