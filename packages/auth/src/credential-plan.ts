import { ConfigError } from "@infra/cli";
import { type AuthMethod, credentialForAuthMethod } from "./auth-method.ts";
import { credentialConfigurationProblem, idTokenPermissionHint } from "./credential-configuration.ts";
import {
  type CredentialName,
  credentialLabels,
  credentialNames,
  devCredentials,
  prodCredentials,
} from "./credential-names.ts";
import { type EnvVars, envValue } from "./env-vars.ts";
import { GitHubOidcPermissionError } from "./github-oidc-permission-error.ts";

/** One credential of the chain: tried, or skipped with the reason a person will read. */
export type PlannedCredential =
  | { name: CredentialName; skipReason?: undefined }
  | { name: CredentialName; skipReason: string };

export interface CredentialPlan {
  /** Why this chain, for diagnostics: `--auth env`, `GitHub Actions`, `AZURE_TOKEN_CREDENTIALS=dev`, `default chain`. */
  basis: string;
  /** In order. At least one is tried; the rest are reported when all fail. */
  credentials: PlannedCredential[];
  /** Whether the instance metadata address may be used (only on Azure compute, never with a custom cloud). */
  imdsAllowed: boolean;
}

export interface CredentialPlanInput {
  env: EnvVars;
  /** `--auth`, when a person chose. */
  auth?: AuthMethod | undefined;
  customCloud: boolean;
  onAzureVirtualMachine: boolean;
}

/**
 * Decides which credentials to try, in order, from the environment alone. Pure: no credential is built and nothing is
 * contacted, so every branch is a table row in the tests.
 */
export function planCredentials(input: CredentialPlanInput): CredentialPlan {
  const { env } = input;
  const imdsAllowed = input.onAzureVirtualMachine && !input.customCloud;
  const problemOf = (name: CredentialName): string | undefined =>
    credentialConfigurationProblem(name, env, { imdsAllowed, customCloud: input.customCloud });

  const only = (name: CredentialName, basis: string): CredentialPlan => {
    const problem = problemOf(name);
    if (problem !== undefined) {
      if (name === "GitHubActionsCredential" && problem === idTokenPermissionHint)
        throw new GitHubOidcPermissionError();
      throw new ConfigError(`${basis} chose ${credentialLabels[name]}, which cannot be used here`, [
        { path: credentialLabels[name], message: problem },
      ]);
    }
    return { basis, credentials: [{ name }], imdsAllowed };
  };

  if (input.auth !== undefined) return only(credentialForAuthMethod[input.auth], `--auth ${input.auth}`);

  // GitHub Actions OIDC comes before AZURE_TOKEN_CREDENTIALS: in a job that has it, it is the identity meant (the
  // variable is often set only to keep other tools' DefaultAzureCredential away from the instance metadata address).
  const inActions = envValue(env, "GITHUB_ACTIONS") === "true";
  const gitHubProblem = problemOf("GitHubActionsCredential");
  if (gitHubProblem === undefined) return only("GitHubActionsCredential", "GitHub Actions");

  const requested = envValue(env, "AZURE_TOKEN_CREDENTIALS");
  const requestedLower = requested?.toLowerCase();
  // In Actions with an identity named but nothing to prove it with, OIDC was meant: say what the job lacks.
  if (
    inActions &&
    gitHubProblem === idTokenPermissionHint &&
    requestedLower !== "dev" &&
    envValue(env, "AZURE_CLIENT_ID") &&
    envValue(env, "AZURE_TENANT_ID") &&
    problemOf("EnvironmentCredential") !== undefined &&
    problemOf("WorkloadIdentityCredential") !== undefined
  ) {
    throw new GitHubOidcPermissionError();
  }

  const named = credentialNames.find((name) => name.toLowerCase() === requestedLower);
  if (requested !== undefined && named !== undefined && named !== "GitHubActionsCredential") {
    return only(named, `AZURE_TOKEN_CREDENTIALS=${requested}`);
  }
  if (requested !== undefined && requestedLower !== "dev" && requestedLower !== "prod") {
    const valid = credentialNames.filter((name) => name !== "GitHubActionsCredential");
    throw new ConfigError(`AZURE_TOKEN_CREDENTIALS='${requested}' is not a value @azure/identity accepts`, [
      { path: "AZURE_TOKEN_CREDENTIALS", message: `use dev, prod or one of ${valid.join(", ")}` },
    ]);
  }

  const names =
    requestedLower === "dev"
      ? devCredentials
      : requestedLower === "prod"
        ? prodCredentials
        : [...prodCredentials, ...devCredentials];
  const credentials: PlannedCredential[] = names.map((name) => {
    const skipReason = problemOf(name);
    return skipReason === undefined ? { name } : { name, skipReason };
  });
  if (inActions && requestedLower !== "dev") {
    credentials.unshift({ name: "GitHubActionsCredential", skipReason: gitHubProblem });
  }
  const basis = requested === undefined ? "default chain" : `AZURE_TOKEN_CREDENTIALS=${requested}`;
  return { basis, credentials, imdsAllowed };
}
