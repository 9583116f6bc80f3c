import { createHash } from "node:crypto";
import type { TokenCredential } from "@azure/core-auth";
import type { Logger } from "@infra/cli";
import { type ArmClientOptions, armClientOptions } from "./arm-client-options.ts";
import type { AuthMethod } from "./auth-method.ts";
import { azureCliDefaultSubscription } from "./azure-cli-account.ts";
import { isAzureArcAgentInstalled, isAzureVirtualMachine } from "./azure-compute.ts";
import { type AzureIdentitySummary, describeIdentity, summarizeAccessToken } from "./azure-identity-summary.ts";
import { buildCredential } from "./build-credential.ts";
import { type AzureCloud, resolveCloud } from "./clouds.ts";
import { type ChainEntry, CredentialChain } from "./credential-chain.ts";
import { credentialLabels } from "./credential-names.ts";
import { planCredentials } from "./credential-plan.ts";
import type { EnvVars } from "./env-vars.ts";
import { resolveSubscription, type SubscriptionSource } from "./subscription-resolution.ts";
import { listVisibleSubscriptions } from "./visible-subscriptions.ts";

export interface ConnectAzureOptions {
  /** The task's name, e.g. `storage` or `whoami`: goes into the user agent. */
  task: string;
  /** Default `process.env`. */
  env?: EnvVars | undefined;
  /** `--auth`, when a person chose a credential. */
  auth?: AuthMethod | undefined;
  /** The environment file's subscriptionId, when it names one. */
  subscriptionId?: string | undefined;
  /** Where diagnostics go (`info` on success, `debug` for each credential tried). */
  log?: Logger | undefined;
  /** GitHub ID token audience; default `api://AzureADTokenExchange`. */
  gitHubAudience?: string | undefined;
  abortSignal?: AbortSignal | undefined;
  /** Tests: whether to treat this machine as an Azure VM. Default: read its DMI marker. */
  onAzureVirtualMachine?: boolean | undefined;
  /** Tests: whether the Azure Arc agent is installed. Default: look where msal-node looks. */
  azureArcAgentInstalled?: boolean | undefined;
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

interface CachedChain {
  chain: CredentialChain;
  basis: string;
  imdsAllowed: boolean;
}

const chains = new Map<string, CachedChain>();

/** Drops every cached credential (and so its token cache): for tests, and for a long-lived process after a re-login. */
export function forgetCredentials(): void {
  chains.clear();
}

/**
 * Picks the credential, signs in once (so a misconfiguration fails here, with advice, not in the middle of a task),
 * resolves the subscription and returns what ARM clients need.
 */
export async function connectAzure(options: ConnectAzureOptions): Promise<AzureContext> {
  const env = options.env ?? process.env;
  const log = options.log?.scope("auth");
  const cloud = resolveCloud(env);
  const { chain, basis } = credentialChain(env, cloud, options, log);
  const clientOptions = armClientOptions(cloud, options.task);

  const token = await chain.getToken(cloud.resourceManagerScope, { abortSignal: options.abortSignal });
  const selected = chain.selected;
  if (selected === undefined) throw new TypeError("connectAzure: a token without a selected credential");
  const identity = summarizeAccessToken(selected.name, token.token, selected.presented());
  if (identity.expiresOn === "unknown") identity.expiresOn = new Date(token.expiresOnTimestamp).toISOString();
  log?.info("%s (%s, cloud %s)", describeIdentity(identity, credentialLabels[selected.name]), basis, cloud.name);

  const subscription = await resolveSubscription({
    fromEnvironment: options.subscriptionId,
    env,
    cliDefault: selected.name === "AzureCliCredential" ? () => azureCliDefaultSubscription() : undefined,
    listVisible: () => listVisibleSubscriptions(chain, clientOptions, options.abortSignal),
  });
  log?.info("subscription %s (from %s)", subscription.subscriptionId, subscription.source);

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

function credentialChain(
  env: EnvVars,
  cloud: AzureCloud,
  options: ConnectAzureOptions,
  log: Logger | undefined,
): CachedChain {
  const onAzureVirtualMachine = options.onAzureVirtualMachine ?? (!cloud.custom && isAzureVirtualMachine());
  const plan = planCredentials({
    env,
    auth: options.auth,
    customCloud: cloud.custom,
    onAzureVirtualMachine,
    azureArcAgentInstalled: options.azureArcAgentInstalled ?? isAzureArcAgentInstalled(env),
  });
  const key = fingerprint(env, cloud, `${plan.basis}\0${plan.imdsAllowed}`, options.gitHubAudience);
  const cached = chains.get(key);
  if (cached !== undefined) return cached;

  const entries: ChainEntry[] = plan.credentials.map((planned) =>
    planned.skipReason === undefined
      ? {
          built: buildCredential(planned.name, {
            env,
            cloud,
            imdsAllowed: plan.imdsAllowed,
            gitHubAudience: options.gitHubAudience,
          }),
        }
      : { skipped: { label: credentialLabels[planned.name], reason: planned.skipReason } },
  );
  const created = {
    chain: new CredentialChain(entries, { basis: plan.basis, log }),
    basis: plan.basis,
    imdsAllowed: plan.imdsAllowed,
  };
  chains.set(key, created);
  return created;
}

// Everything that changes which identity signs in. Hashed so no secret sits in a map key a heap dump would show.
const identityVariables = [
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_ID",
  "AZURE_CLIENT_SECRET",
  "AZURE_CLIENT_CERTIFICATE_PATH",
  "AZURE_USERNAME",
  "AZURE_FEDERATED_TOKEN_FILE",
  "AZURE_TOKEN_CREDENTIALS",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "IDENTITY_ENDPOINT",
  "IDENTITY_HEADER",
  "IDENTITY_SERVER_THUMBPRINT",
  "IMDS_ENDPOINT",
  "MSI_ENDPOINT",
  "MSI_SECRET",
  "AZURE_POD_IDENTITY_AUTHORITY_HOST",
  "AZURE_CONFIG_DIR",
];

function fingerprint(env: EnvVars, cloud: AzureCloud, basis: string, audience: string | undefined): string {
  const parts = [basis, cloud.authorityHost, audience ?? "", ...identityVariables.map((name) => env[name] ?? "")];
  return createHash("sha256").update(parts.join("\0")).digest("hex");
}
