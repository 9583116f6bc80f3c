import type { Principal } from "../arm/contract.ts";
import { SEED } from "../seed/seed-ids.ts";

export interface ClientEnvironmentInput {
  url: string;
  httpUrl: string;
  caPath: string;
  principal: Principal;
  identityHeader: string;
  githubRequestToken: string;
  subscriptionId?: string;
}

/**
 * The environment a child process needs to act as `principal`: secrets for service principals with one, the GitHub
 * request variables for a principal with federated credentials, managed-identity variables for a managed identity.
 * AZURE_TOKEN_CREDENTIALS names the credential for a secret or a managed identity, so nothing probes the
 * instance-metadata address (IMDS).
 */
export function clientEnvironment(input: ClientEnvironmentInput): Record<string, string> {
  const { principal } = input;
  const env: Record<string, string> = {
    AZURE_AUTHORITY_HOST: input.url,
    AZURE_RESOURCE_MANAGER_ENDPOINT: input.url,
    AZURE_TENANT_ID: principal.tenantId,
    AZURE_SUBSCRIPTION_ID: input.subscriptionId ?? SEED.subscription1,
    NODE_EXTRA_CA_CERTS: input.caPath,
  };
  if (principal.kind === "ManagedIdentity") {
    return {
      ...env,
      AZURE_CLIENT_ID: principal.clientId,
      IDENTITY_ENDPOINT: `${input.httpUrl}/msi/token`,
      IDENTITY_HEADER: input.identityHeader,
      AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
    };
  }
  const secret = principal.secrets[0];
  if (secret !== undefined) {
    return {
      ...env,
      AZURE_CLIENT_ID: principal.clientId,
      AZURE_CLIENT_SECRET: secret,
      AZURE_TOKEN_CREDENTIALS: "EnvironmentCredential",
    };
  }
  return {
    ...env,
    AZURE_CLIENT_ID: principal.clientId,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${input.url}/github/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: input.githubRequestToken,
    // No AZURE_TOKEN_CREDENTIALS: no @azure/identity credential reads the GitHub variables, and an explicit value wins
    // over @infra/auth's GitHub Actions OIDC. @infra/auth never probes IMDS for a custom cloud such as this one.
  };
}
