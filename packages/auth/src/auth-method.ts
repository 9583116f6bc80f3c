import { ConfigError, UsageError } from "@infra/cli";
import type { CredentialName } from "./credential-names.ts";
import { type EnvVars, envValue } from "./env-vars.ts";

/** `--auth` values: for when a person knows which credential to use. */
export const authMethods = ["cli", "github", "workload", "managed-identity", "env"] as const;

export type AuthMethod = (typeof authMethods)[number];

export const credentialForAuthMethod: Readonly<Record<AuthMethod, CredentialName>> = {
  cli: "AzureCliCredential",
  github: "GitHubActionsCredential",
  workload: "WorkloadIdentityCredential",
  "managed-identity": "ManagedIdentityCredential",
  env: "EnvironmentCredential",
};

/**
 * How `--auth` reaches the processes a command starts (task processes under turbo): the command sets it in their
 * environment, and `connectAzure` reads it when no `auth` option is given.
 */
export const authMethodVariable = "INFRA_AUTH";

export function parseAuthMethod(value: string | undefined): AuthMethod | undefined {
  if (value === undefined) return undefined;
  const method = authMethods.find((candidate) => candidate === value);
  if (!method) throw new UsageError(`--auth '${value}' is not one of ${authMethods.join(", ")}`);
  return method;
}

/** The `--auth` method handed down in INFRA_AUTH, if any. */
export function authMethodFromEnv(env: EnvVars): AuthMethod | undefined {
  const value = envValue(env, authMethodVariable);
  if (value === undefined) return undefined;
  const method = authMethods.find((candidate) => candidate === value);
  if (!method) {
    throw new ConfigError(`${authMethodVariable}='${value}' is not an --auth method`, [
      { path: authMethodVariable, message: `use one of ${authMethods.join(", ")}, or unset it` },
    ]);
  }
  return method;
}
