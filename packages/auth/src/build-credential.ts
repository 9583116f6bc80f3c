import { readFileSync } from "node:fs";
import type { TokenCredential } from "@azure/core-auth";
import {
  AzureCliCredential,
  AzureDeveloperCliCredential,
  AzurePowerShellCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  VisualStudioCodeCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import type { AzureCloud } from "./clouds.ts";
import type { FailureContext } from "./credential-failure-advice.ts";
import type { CredentialName } from "./credential-names.ts";
import { DefaultManagedIdentityCredential } from "./default-managed-identity-credential.ts";
import { entraOptions } from "./entra-options.ts";
import { type EnvVars, envValue } from "./env-vars.ts";
import { GitHubActionsCredential, type PresentedToken, presentedToken } from "./github-actions-credential.ts";
import { defaultGitHubAudience } from "./github-id-token.ts";

/** A credential plus what diagnostics need to know about it. */
export interface BuiltCredential {
  name: CredentialName;
  credential: TokenCredential;
  /** Who was asked for, and the federated token presented, for failure advice. Read lazily, after a failure. */
  failureContext(): FailureContext;
  /** GitHub only: issuer and subject of the last ID token, for success diagnostics. */
  presented(): PresentedToken | undefined;
}

export interface BuildCredentialOptions {
  env: EnvVars;
  cloud: AzureCloud;
  imdsAllowed: boolean;
  /** GitHub ID token audience; default `api://AzureADTokenExchange`. */
  gitHubAudience?: string | undefined;
}

// Developer tools get a bound: @azure/identity waits forever on a hung `az` otherwise.
const processTimeoutInMs = 30_000;

/**
 * Builds one credential from the given env (not process.env), so what the plan checked is what is used. Only call for
 * credentials the plan did not skip: required values are asserted present.
 */
export function buildCredential(name: CredentialName, options: BuildCredentialOptions): BuiltCredential {
  const { env, cloud } = options;
  const tenantId = envValue(env, "AZURE_TENANT_ID");
  const clientId = envValue(env, "AZURE_CLIENT_ID");
  const entra = entraOptions(cloud);
  const context = (presented?: () => PresentedToken | undefined) => () => ({
    clientId,
    tenantId,
    presented: presented?.(),
  });
  const plain = (credential: TokenCredential): BuiltCredential => ({
    name,
    credential,
    failureContext: context(),
    presented: () => undefined,
  });

  switch (name) {
    case "GitHubActionsCredential": {
      const credential = new GitHubActionsCredential({
        tenantId: required(tenantId, "AZURE_TENANT_ID"),
        clientId: required(clientId, "AZURE_CLIENT_ID"),
        requestUrl: required(envValue(env, "ACTIONS_ID_TOKEN_REQUEST_URL"), "ACTIONS_ID_TOKEN_REQUEST_URL"),
        requestToken: required(envValue(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN"), "ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
        audience: options.gitHubAudience ?? defaultGitHubAudience,
        cloud,
      });
      const presented = () => credential.presented;
      return { name, credential, failureContext: context(presented), presented };
    }
    case "EnvironmentCredential": {
      const tenant = required(tenantId, "AZURE_TENANT_ID");
      const client = required(clientId, "AZURE_CLIENT_ID");
      const secret = envValue(env, "AZURE_CLIENT_SECRET");
      if (secret !== undefined) return plain(new ClientSecretCredential(tenant, client, secret, entra));
      const certificatePath = required(envValue(env, "AZURE_CLIENT_CERTIFICATE_PATH"), "AZURE_CLIENT_CERTIFICATE_PATH");
      const certificatePassword = envValue(env, "AZURE_CLIENT_CERTIFICATE_PASSWORD");
      return plain(
        new ClientCertificateCredential(
          tenant,
          client,
          certificatePassword === undefined ? { certificatePath } : { certificatePath, certificatePassword },
          { ...entra, sendCertificateChain: envValue(env, "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN") === "true" },
        ),
      );
    }
    case "WorkloadIdentityCredential": {
      const tokenFilePath = required(envValue(env, "AZURE_FEDERATED_TOKEN_FILE"), "AZURE_FEDERATED_TOKEN_FILE");
      const credential = new WorkloadIdentityCredential({
        ...entra,
        tenantId: required(tenantId, "AZURE_TENANT_ID"),
        clientId: required(clientId, "AZURE_CLIENT_ID"),
        tokenFilePath,
      });
      return {
        name,
        credential,
        failureContext: context(() => presentedFromFile(tokenFilePath)),
        presented: () => undefined,
      };
    }
    case "ManagedIdentityCredential":
      // As DefaultAzureCredential: AZURE_CLIENT_ID names a user-assigned identity.
      return plain(new DefaultManagedIdentityCredential({ clientId, imdsAllowed: options.imdsAllowed }));
    case "VisualStudioCodeCredential":
      return plain(new VisualStudioCodeCredential(tenantId === undefined ? {} : { tenantId }));
    case "AzureCliCredential":
      return plain(new AzureCliCredential({ processTimeoutInMs }));
    case "AzurePowerShellCredential":
      return plain(new AzurePowerShellCredential({ processTimeoutInMs }));
    case "AzureDeveloperCliCredential":
      return plain(new AzureDeveloperCliCredential({ processTimeoutInMs }));
  }
}

function required(value: string | undefined, variable: string): string {
  // The plan skips credentials with missing values; reaching this is a bug in the plan, so fail loudly.
  if (value === undefined)
    throw new TypeError(`buildCredential: ${variable} is not set although the plan chose this credential`);
  return value;
}

function presentedFromFile(path: string): PresentedToken | undefined {
  try {
    return presentedToken(readFileSync(path, "utf8").trim());
  } catch {
    return undefined;
  }
}
