import { createHash } from "node:crypto";
import type { Logger } from "@infra/cli";
import { type AuthMethod, authMethodFromEnv } from "./auth-method.ts";
import { isAzureArcAgentInstalled, isAzureVirtualMachine } from "./azure-compute.ts";
import type { AzureCloud } from "./clouds.ts";
import { type ChainEntry, CredentialChain } from "./credential-chain.ts";
import { credentialLabels } from "./credential-names.ts";
import { planCredentials } from "./credential-plan.ts";
import type { EnvVars } from "./env-vars.ts";

export interface ProcessCredentialOptions {
  /** `--auth`, when a person chose a credential. Default: INFRA_AUTH, as a parent command hands it down. */
  auth?: AuthMethod | undefined;
  /** GitHub ID token audience; default `api://AzureADTokenExchange`. */
  gitHubAudience?: string | undefined;
  /** Where each credential's attempt is logged (`debug`). */
  log?: Logger | undefined;
  /** Tests: whether to treat this machine as an Azure VM. Default: read its DMI marker. */
  onAzureVirtualMachine?: boolean | undefined;
  /** Tests: whether the Azure Arc agent is installed. Default: look where msal-node looks. */
  azureArcAgentInstalled?: boolean | undefined;
}

/** The chain for a configuration, and why it is that one (`--auth env`, `GitHub Actions`, `default chain`, ...). */
export interface ProcessCredential {
  chain: CredentialChain;
  basis: string;
  /** A fingerprint of the configuration (a hash, no secret): a handed token made under another is not used. */
  configuration: string;
}

const chains = new Map<string, ProcessCredential>();

/** Drops every cached credential (and so its token cache): for tests, and for a long-lived process after a re-login. */
export function forgetCredentials(): void {
  chains.clear();
}

/**
 * The credential chain for this configuration, built once per process and configuration so every client shares one
 * token cache. Nothing is contacted until the chain is asked for a token.
 */
export function processCredential(
  env: EnvVars,
  cloud: AzureCloud,
  options: ProcessCredentialOptions = {},
): ProcessCredential {
  const onAzureVirtualMachine = options.onAzureVirtualMachine ?? (!cloud.custom && isAzureVirtualMachine());
  const plan = planCredentials({
    env,
    auth: options.auth ?? authMethodFromEnv(env),
    customCloud: cloud.custom,
    onAzureVirtualMachine,
    azureArcAgentInstalled: options.azureArcAgentInstalled ?? isAzureArcAgentInstalled(env),
  });
  const key = fingerprint(env, cloud, `${plan.basis}\0${plan.imdsAllowed}`, options.gitHubAudience);
  const cached = chains.get(key);
  if (cached !== undefined) return cached;

  // Built on the first token a handed token does not answer: loading @azure/identity costs a task process more than
  // everything else it imports.
  const load = async (): Promise<ChainEntry[]> => {
    const { buildCredential } = await import("./build-credential.ts");
    return plan.credentials.map((planned) =>
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
  };
  const created = {
    chain: new CredentialChain(load, { basis: plan.basis, log: options.log }),
    basis: plan.basis,
    configuration: key,
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
  "INFRA_AUTH",
];

function fingerprint(env: EnvVars, cloud: AzureCloud, basis: string, audience: string | undefined): string {
  const parts = [basis, cloud.authorityHost, audience ?? "", ...identityVariables.map((name) => env[name] ?? "")];
  return createHash("sha256").update(parts.join("\0")).digest("hex");
}
