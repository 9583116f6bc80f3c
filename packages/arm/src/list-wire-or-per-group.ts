import type { WireObject } from "@infra/plan";
import { isAuthorizationFailed, isNotFound } from "./arm-errors.ts";
import { listWire } from "./wire-reads.ts";

/** One list call of an SDK at the two scopes ARM offers it: the whole subscription, and one resource group. */
export interface SubscriptionOrGroupList {
  subscription(): AsyncIterable<unknown>;
  group(name: string): AsyncIterable<unknown>;
}

/**
 * Every item of the subscription-wide list, as ARM sent it: one request, the normal case. ARM refuses that list
 * (403 AuthorizationFailed) to a caller whose roles are all on resource groups, so then the same list is read per
 * group of `groups` (the environment's), a group that does not exist yet (404) holding nothing. Without `groups` the
 * refusal stands. An item listed under several groups (a role assignment inherited from the subscription) is kept once.
 */
export async function listWireOrPerGroup(
  list: SubscriptionOrGroupList,
  groups: readonly string[] | undefined,
): Promise<WireObject[]> {
  try {
    return await listWire(() => list.subscription());
  } catch (error) {
    if (groups === undefined || !isAuthorizationFailed(error)) throw error;
  }
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      try {
        return await listWire(() => list.group(group));
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    }),
  );
  const byId = new Map(perGroup.flat().map((body) => [String(body.id).toLowerCase(), body] as const));
  return [...byId.values()];
}
