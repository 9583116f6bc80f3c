import type { TokenCredential } from "@azure/core-auth";
import type { ArmClientOptions } from "./arm-client-options.ts";
import type { VisibleSubscription } from "./subscription-resolution.ts";

/** Every subscription the identity can see (`GET /subscriptions`), for resolution and for the error that lists them. */
export async function listVisibleSubscriptions(
  credential: TokenCredential,
  clientOptions: ArmClientOptions,
  abortSignal?: AbortSignal,
): Promise<VisibleSubscription[]> {
  // Loaded only when needed: most runs name their subscription, and every module costs cold-start time.
  const { SubscriptionClient } = await import("@azure/arm-resources-subscriptions");
  const client = new SubscriptionClient(credential, clientOptions);
  const visible: VisibleSubscription[] = [];
  for await (const subscription of client.subscriptions.list({ abortSignal })) {
    if (subscription.subscriptionId === undefined) continue;
    visible.push({
      subscriptionId: subscription.subscriptionId,
      displayName: subscription.displayName ?? subscription.subscriptionId,
      state: subscription.state ?? "Unknown",
    });
  }
  return visible;
}
