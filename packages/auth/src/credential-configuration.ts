import { type ManagedIdentitySource, managedIdentityEndpointHint } from "./azure-compute.ts";
import type { CredentialName } from "./credential-names.ts";
import { type EnvVars, envValue } from "./env-vars.ts";

/**
 * Why a credential cannot be used with this environment, or undefined when it can be tried. Pure: the reasons are the
 * "one short, actionable line" a person sees when nothing worked.
 */
export function credentialConfigurationProblem(
  name: CredentialName,
  env: EnvVars,
  options: { imdsAllowed: boolean; customCloud: boolean; managedIdentitySource: ManagedIdentitySource },
): string | undefined {
  switch (name) {
    case "GitHubActionsCredential":
      return gitHubActionsProblem(env);
    case "EnvironmentCredential":
      return environmentProblem(env);
    case "WorkloadIdentityCredential":
      return workloadIdentityProblem(env);
    case "ManagedIdentityCredential":
      if (options.imdsAllowed || options.managedIdentitySource !== "Imds") return undefined;
      return options.customCloud
        ? `a custom cloud is configured, so the instance metadata address is never probed; set ${managedIdentityEndpointHint} to use managed identity`
        : `not on an Azure VM by its marker and no ${managedIdentityEndpointHint}, so the instance metadata address is never probed; on Azure compute set AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential`;
    default:
      // Developer tools say for themselves whether they are logged in.
      return undefined;
  }
}

export const idTokenPermissionHint =
  "the job has no ACTIONS_ID_TOKEN_REQUEST_URL: add `permissions: id-token: write` to the job (or workflow) so GitHub issues OIDC tokens";

function gitHubActionsProblem(env: EnvVars): string | undefined {
  if (!envValue(env, "ACTIONS_ID_TOKEN_REQUEST_URL") || !envValue(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN")) {
    return envValue(env, "GITHUB_ACTIONS") === "true"
      ? idTokenPermissionHint
      : "not running in GitHub Actions (no ACTIONS_ID_TOKEN_REQUEST_URL)";
  }
  const missing = missingVariables(env, ["AZURE_CLIENT_ID", "AZURE_TENANT_ID"]);
  if (missing.length > 0) {
    return `${missing.join(" and ")} not set: set them (as variables, not secrets) to the app or user-assigned identity that trusts this repo`;
  }
  return undefined;
}

/**
 * Whether DefaultAzureCredential's EnvironmentCredential would sign in with AZURE_USERNAME/AZURE_PASSWORD (all four
 * variables, no secret or certificate). That flow cannot do MFA and Microsoft deprecated it; this package refuses it.
 */
export function usernamePasswordConfigured(env: EnvVars): boolean {
  return (
    environmentProblem(env) !== undefined &&
    ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_USERNAME", "AZURE_PASSWORD"].every((name) => envValue(env, name))
  );
}

export const usernamePasswordRefusal =
  "AZURE_USERNAME/AZURE_PASSWORD sign-in is not supported (it cannot do MFA): use a client secret or certificate";

function environmentProblem(env: EnvVars): string | undefined {
  const secret = envValue(env, "AZURE_CLIENT_SECRET");
  const certificate = envValue(env, "AZURE_CLIENT_CERTIFICATE_PATH");
  if (!secret && !certificate) {
    return envValue(env, "AZURE_USERNAME")
      ? usernamePasswordRefusal
      : "not configured (neither AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set)";
  }
  const missing = missingVariables(env, ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"]);
  if (missing.length > 0) {
    return `${secret ? "AZURE_CLIENT_SECRET" : "AZURE_CLIENT_CERTIFICATE_PATH"} set but ${missing.join(" and ")} missing`;
  }
  return undefined;
}

function workloadIdentityProblem(env: EnvVars): string | undefined {
  if (!envValue(env, "AZURE_FEDERATED_TOKEN_FILE")) return "not configured (AZURE_FEDERATED_TOKEN_FILE is not set)";
  const missing = missingVariables(env, ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"]);
  if (missing.length > 0) return `AZURE_FEDERATED_TOKEN_FILE set but ${missing.join(" and ")} missing`;
  return undefined;
}

function missingVariables(env: EnvVars, names: readonly string[]): string[] {
  return names.filter((name) => envValue(env, name) === undefined);
}
