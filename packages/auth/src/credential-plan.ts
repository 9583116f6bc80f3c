import { ConfigError } from "@infra/cli";
import { type AuthMethod, credentialForAuthMethod } from "./auth-method.ts";
import { managedIdentitySource } from "./azure-compute.ts";
import {
  credentialConfigurationProblem,
  idTokenPermissionHint,
  usernamePasswordConfigured,
  usernamePasswordRefusal,
} from "./credential-configuration.ts";
import {
  type CredentialName,
  credentialLabels,
  credentialNames,
  devCredentials,
  prodCredentials,
} from "./credential-names.ts";
import { type EnvVars, envValue } from "./env-vars.ts";
import { GitHubOidcPermissionError } from "./errors.ts";

/** One credential of the chain: tried, or skipped with the reason a person will read. */
export type PlannedCredential =
  | { name: CredentialName; skipReason?: undefined }
  | { name: CredentialName; skipReason: string };

export interface CredentialPlan {
  /** Why this chain, for diagnostics: `--auth env`, `GitHub Actions`, `AZURE_TOKEN_CREDENTIALS=dev`, `default chain`. */
  basis: string;
  /** In order. At least one is tried; the rest are reported when all fail. */
  credentials: PlannedCredential[];
  /**
   * Whether managed identity may use the instance metadata address: when it was chosen by name (then it goes wherever
   * @azure/identity's ManagedIdentityCredential goes), or in a chain on a machine that is an Azure VM by its own marker
   * with a cloud other than a custom one (a VM's identity signs in to its own cloud, never to a custom authority).
   */
  imdsAllowed: boolean;
}

export interface CredentialPlanInput {
  env: EnvVars;
  /** `--auth`, when a person chose. */
  auth?: AuthMethod | undefined;
  customCloud: boolean;
  onAzureVirtualMachine: boolean;
  /** Whether the Azure Arc agent is installed (managed identity then goes to it, not to IMDS). Default false. */
  azureArcAgentInstalled?: boolean | undefined;
}

/**
 * Decides which credentials to try, in order, from the environment alone. Pure: no credential is built and nothing is
 * contacted, so every branch is a table row in the tests.
 *
 * Precedence: `--auth`, then an explicit AZURE_TOKEN_CREDENTIALS (exactly DefaultAzureCredential's chain for it), then
 * GitHub Actions OIDC when the job can use it, then DefaultAzureCredential's default chain.
 */
export function planCredentials(input: CredentialPlanInput): CredentialPlan {
  const { env } = input;
  const source = managedIdentitySource(env, input.azureArcAgentInstalled ?? false);
  const chainImdsAllowed = input.onAzureVirtualMachine && !input.customCloud;
  const problemOf = (name: CredentialName, imdsAllowed = chainImdsAllowed): string | undefined =>
    credentialConfigurationProblem(name, env, {
      imdsAllowed,
      customCloud: input.customCloud,
      managedIdentitySource: source,
    });

  // One credential, named by a person: used as @azure/identity uses it alone. Managed identity then goes wherever
  // ManagedIdentityCredential goes, the instance metadata address included, as DefaultAzureCredential does.
  const only = (name: CredentialName, basis: string): CredentialPlan => {
    const imdsAllowed = name === "ManagedIdentityCredential" || chainImdsAllowed;
    const reason = problemOf(name, imdsAllowed);
    if (reason !== undefined) {
      if (name === "GitHubActionsCredential" && reason === idTokenPermissionHint) throw new GitHubOidcPermissionError();
      throw new ConfigError(`${basis} chose ${credentialLabels[name]}, which cannot be used here`, [
        { path: credentialLabels[name], message: reason },
      ]);
    }
    return { basis, credentials: [{ name }], imdsAllowed };
  };

  const chain = (names: readonly CredentialName[], basis: string, first: PlannedCredential[] = []): CredentialPlan => {
    const refusal = names.includes("EnvironmentCredential") ? environmentRefusal(env, basis) : undefined;
    if (refusal !== undefined) {
      throw new ConfigError(`${basis} would sign in with a user name and password`, [
        { path: credentialLabels.EnvironmentCredential, message: refusal },
      ]);
    }
    const planned = names.map((name): PlannedCredential => {
      const skipReason = problemOf(name);
      return skipReason === undefined ? { name } : { name, skipReason };
    });
    return { basis, credentials: [...first, ...planned], imdsAllowed: chainImdsAllowed };
  };

  if (input.auth !== undefined) return only(credentialForAuthMethod[input.auth], `--auth ${input.auth}`);

  // An explicit AZURE_TOKEN_CREDENTIALS wins over everything detected, as in DefaultAzureCredential (which trims and
  // ignores case; blank means unset). GitHub Actions OIDC is not among its values: `--auth github` names that one.
  const requested = envValue(env, "AZURE_TOKEN_CREDENTIALS");
  if (requested !== undefined) {
    const basis = `AZURE_TOKEN_CREDENTIALS=${requested}`;
    const lower = requested.toLowerCase();
    if (lower === "dev") return chain(devCredentials, basis);
    if (lower === "prod") return chain(prodCredentials, basis);
    const named = tokenCredentialsNames.find((name) => name.toLowerCase() === lower);
    if (named !== undefined) return only(named, basis);
    throw new ConfigError(`AZURE_TOKEN_CREDENTIALS='${requested}' is not a value @azure/identity accepts`, [
      { path: "AZURE_TOKEN_CREDENTIALS", message: `use dev, prod or one of ${tokenCredentialsNames.join(", ")}` },
    ]);
  }

  // GitHub Actions OIDC comes first when the job can use it: in a workflow it is the identity meant.
  const gitHubProblem = problemOf("GitHubActionsCredential");
  if (gitHubProblem === undefined) return only("GitHubActionsCredential", "GitHub Actions");
  const inActions = envValue(env, "GITHUB_ACTIONS") === "true";
  // In Actions with an identity named but nothing to prove it with, OIDC was meant: say what the job lacks.
  if (
    inActions &&
    gitHubProblem === idTokenPermissionHint &&
    envValue(env, "AZURE_CLIENT_ID") &&
    envValue(env, "AZURE_TENANT_ID") &&
    problemOf("EnvironmentCredential") !== undefined &&
    problemOf("WorkloadIdentityCredential") !== undefined
  ) {
    throw new GitHubOidcPermissionError();
  }
  const gitHubLine: PlannedCredential[] = inActions
    ? [{ name: "GitHubActionsCredential", skipReason: gitHubProblem }]
    : [];
  return chain([...prodCredentials, ...devCredentials], "default chain", gitHubLine);
}

// The names AZURE_TOKEN_CREDENTIALS accepts: @azure/identity's, so not the GitHub Actions one.
const tokenCredentialsNames = credentialNames.filter((name) => name !== "GitHubActionsCredential");

function environmentRefusal(env: EnvVars, basis: string): string | undefined {
  // DefaultAzureCredential would send the password; refusing beats silently picking the next credential instead.
  return usernamePasswordConfigured(env) ? `${usernamePasswordRefusal} (${basis})` : undefined;
}
