import { mapConcurrent } from "@infra/audit/collect";
import type { AzureContext } from "@infra/auth";
import { describeError, type Logger } from "@infra/cli";
import type { SubscriptionEstimate } from "./audit-shards.ts";

/** Subscriptions counted at once: a few reads each, well inside ARM's read limits. */
const CONCURRENCY = 8;

/**
 * What auditing each subscription will cost, from one cheap read per 1,000 resources: the count of its top-level
 * resources (`GET /subscriptions/{id}/resources`, the list `az resource list` makes). Child resources (containers)
 * and extension resources (role assignments, locks) are not in it, but they grow with the resources that hold them.
 * A subscription that cannot be counted is estimated at 0 and still audited: its errors then show in its shard.
 */
export async function estimateSubscriptions(
  azure: AzureContext,
  subscriptionIds: readonly string[],
  log: Logger,
  signal: AbortSignal,
): Promise<SubscriptionEstimate[]> {
  const { ResourceManagementClient } = await import("@azure/arm-resources");
  return mapConcurrent(subscriptionIds, CONCURRENCY, async (subscriptionId) => {
    const client = new ResourceManagementClient(azure.credential, subscriptionId, azure.clientOptions);
    try {
      let resources = 0;
      for await (const page of client.resources.list({ top: 1000, abortSignal: signal }).byPage()) {
        resources += page.length;
      }
      log.debug("subscription %s: %d resources", subscriptionId, resources);
      return { subscriptionId, resources };
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = describeError(error).lines[0] ?? "failed";
      log.warn("subscription %s: could not count its resources (%s); estimated at 0", subscriptionId, reason);
      return { subscriptionId, resources: undefined };
    }
  });
}
