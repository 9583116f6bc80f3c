import type { TokenCredential } from "@azure/core-auth";
import type { Logger } from "@infra/cli";
import { type ArmClientOptions, armClientOptions } from "./arm-client-options.ts";
import { azureCliDefaultSubscription } from "./azure-cli-account.ts";
import { type AzureIdentitySummary, describeIdentity, summarizeAccessToken } from "./azure-identity-summary.ts";
import { type AzureCloud, resolveCloud } from "./clouds.ts";
import { credentialLabels } from "./credential-names.ts";
import type { EnvVars } from "./env-vars.ts";
import type { HandedToken } from "./handed-token.ts";
import { type ProcessCredentialOptions, processCredential } from "./process-credential.ts";
import { resolveSubscription, type SubscriptionSource } from "./subscription-resolution.ts";
import { listVisibleSubscriptions } from "./visible-subscriptions.ts";

export interface ConnectAzureOptions extends ProcessCredentialOptions {
  /** The task's name, e.g. `storage` or `whoami`: goes into the user agent. */
  task: string;
  /** Default `process.env`. */
  env?: EnvVars | undefined;
  /** The environment file's subscriptionId, when it names one. */
  subscriptionId?: string | undefined;
  /** Where diagnostics go (`info` on success, `debug` for each credential tried). */
  log?: Logger | undefined;
  abortSignal?: AbortSignal | undefined;
  /** The token of the command that started this process: used instead of signing in again when made the same way. */
  handedToken?: HandedToken | undefined;
}

/** Everything a task needs to call Azure. */
export interface AzureContext {
  /** One per process and configuration: its token cache is shared by every client. */
  credential: TokenCredential;
  /** The tenant the identity signed in to (from the token, not from configuration). */
  tenantId: string;
  subscriptionId: string;
  subscriptionSource: SubscriptionSource;
  cloud: AzureCloud;
  /** Pass to every ARM client: `new ResourceManagementClient(credential, subscriptionId, clientOptions)`. */
  clientOptions: ArmClientOptions;
  /** Who signed in, how, and until when. No token. */
  identity: AzureIdentitySummary;
  /** Why this credential was chosen: `--auth env`, `GitHub Actions`, `default chain`, `AZURE_TOKEN_CREDENTIALS=dev`. */
  basis: string;
}

/**
 * Picks the credential, signs in once (so a misconfiguration fails here, with advice, not in the middle of a task),
 * resolves the subscription and returns what ARM clients need.
 */
export async function connectAzure(options: ConnectAzureOptions): Promise<AzureContext> {
  const env = options.env ?? process.env;
  const log = options.log?.scope("auth");
  const { cloud, chain, basis, token, selected } = await signIn(env, { ...options, log });
  const clientOptions = armClientOptions(cloud, options.task);
  const identity = identityOf(selected.name, token.token, token.expiresOnTimestamp, selected.presented());
  // A process answered by the token its root command handed it says who it is only with --verbose: the root said it.
  const say = chain.answeredByHandedToken ? log?.debug.bind(log) : log?.info.bind(log);
  say?.("%s (%s, cloud %s)", describeIdentity(identity, credentialLabels[selected.name]), basis, cloud.name);

  const subscription = await resolveSubscription({
    fromEnvironment: options.subscriptionId,
    env,
    cliDefault: selected.name === "AzureCliCredential" ? () => azureCliDefaultSubscription() : undefined,
    listVisible: () => listVisibleSubscriptions(chain, clientOptions, options.abortSignal),
  });
  say?.("subscription %s (from %s)", subscription.subscriptionId, subscription.source);

  return {
    credential: chain,
    tenantId: identity.tenantId,
    subscriptionId: subscription.subscriptionId,
    subscriptionSource: subscription.source,
    cloud,
    clientOptions,
    identity,
    basis,
  };
}

/**
 * Signs in for the task processes a root command starts: the token they are handed instead of each signing in again.
 * Nothing is logged here: the root says who signed in (`describeHandedToken`) once every task has it.
 */
export async function tokenToHandOver(
  options: Pick<ConnectAzureOptions, "env" | "abortSignal" | "log">,
): Promise<HandedToken> {
  const env = options.env ?? process.env;
  const { cloud, configuration, token, selected } = await signIn(env, {
    log: options.log?.scope("auth"),
    abortSignal: options.abortSignal,
  });
  return {
    configuration,
    scope: cloud.resourceManagerScope,
    token: token.token,
    expiresOnTimestamp: token.expiresOnTimestamp,
    credential: selected.name,
    presented: selected.presented(),
  };
}

/** The process's credential for this configuration, and its first Resource Manager token. */
async function signIn(env: EnvVars, options: Omit<ConnectAzureOptions, "task" | "env">) {
  const cloud = resolveCloud(env);
  const { chain, basis, configuration } = processCredential(env, cloud, options);
  if (options.handedToken?.configuration === configuration) chain.adopt(options.handedToken);
  // Asked as the ARM clients ask (their bearer policy enables continuous access evaluation): @azure/identity keeps
  // CAE and non-CAE tokens apart, so a first token without it would be followed by a second sign-in at the first
  // ARM request of this process.
  const token = await chain.getToken(cloud.resourceManagerScope, { abortSignal: options.abortSignal, enableCae: true });
  const selected = chain.selected;
  if (selected === undefined) throw new TypeError("connectAzure: a token without a selected credential");
  return { cloud, chain, basis, configuration, token, selected };
}

/** Who a handed token signs in as, for the root command's one line about it (no token, no secret). */
export function describeHandedToken(handed: HandedToken): string {
  const identity = identityOf(handed.credential, handed.token, handed.expiresOnTimestamp, handed.presented);
  return describeIdentity(identity, credentialLabels[handed.credential]);
}

/** Who a token signs in as; its expiry from the credential's answer when the token does not say. */
function identityOf(
  credential: HandedToken["credential"],
  token: string,
  expiresOnTimestamp: number,
  presented: HandedToken["presented"],
): AzureIdentitySummary {
  const identity = summarizeAccessToken(credential, token, presented);
  if (identity.expiresOn === "unknown") identity.expiresOn = new Date(expiresOnTimestamp).toISOString();
  return identity;
}
