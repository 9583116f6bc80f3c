import { ConfigError } from "@infra/cli";
import { type EnvVars, envValue } from "./env-vars.ts";

export interface VisibleSubscription {
  subscriptionId: string;
  displayName: string;
  state: string;
}

export type SubscriptionSource =
  | "environment"
  | "AZURE_SUBSCRIPTION_ID"
  | "Azure CLI default"
  | "only enabled subscription";

export interface ResolvedSubscription {
  subscriptionId: string;
  source: SubscriptionSource;
}

export interface SubscriptionResolutionInput {
  /** The environment file's subscriptionId, when it names one. */
  fromEnvironment?: string | undefined;
  env: EnvVars;
  /** The Azure CLI's default subscription; asked only when the CLI credential is the one in use. */
  cliDefault?: (() => Promise<string | undefined>) | undefined;
  /** Subscriptions the identity can see; asked last. */
  listVisible: () => Promise<VisibleSubscription[]>;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The environment's subscription, else AZURE_SUBSCRIPTION_ID, else the Azure CLI's default (CLI credential only), else
 * the only enabled subscription visible. Anything else is a configuration error that lists what is visible.
 */
export async function resolveSubscription(input: SubscriptionResolutionInput): Promise<ResolvedSubscription> {
  if (input.fromEnvironment !== undefined) {
    return { subscriptionId: checked(input.fromEnvironment, "environment subscriptionId"), source: "environment" };
  }
  const fromVariable = envValue(input.env, "AZURE_SUBSCRIPTION_ID");
  if (fromVariable !== undefined) {
    return { subscriptionId: checked(fromVariable, "AZURE_SUBSCRIPTION_ID"), source: "AZURE_SUBSCRIPTION_ID" };
  }
  const fromCli = await input.cliDefault?.();
  if (fromCli !== undefined && guid.test(fromCli)) return { subscriptionId: fromCli, source: "Azure CLI default" };

  const visible = await input.listVisible();
  const enabled = visible.filter((subscription) => subscription.state.toLowerCase() === "enabled");
  const only = enabled[0];
  if (enabled.length === 1 && only !== undefined) {
    return { subscriptionId: only.subscriptionId, source: "only enabled subscription" };
  }
  const problems = visible.map((subscription) => ({
    path: subscription.subscriptionId,
    message: `${subscription.displayName} (${subscription.state})`,
  }));
  throw new ConfigError(
    visible.length === 0
      ? "no subscription: this identity sees none; grant it a role on one, or set AZURE_SUBSCRIPTION_ID"
      : `which subscription? ${enabled.length} enabled subscriptions are visible; set AZURE_SUBSCRIPTION_ID or the environment's subscriptionId to one of:`,
    problems,
  );
}

function checked(value: string, where: string): string {
  const trimmed = value.trim();
  if (!guid.test(trimmed)) {
    throw new ConfigError(`${where} is not a subscription id`, [
      { path: where, message: `'${trimmed}' is not a GUID (use the id, not the name)` },
    ]);
  }
  return trimmed;
}
