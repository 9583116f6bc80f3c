import { UsageError } from "@infra/cli";
import type { CredentialName } from "./credential-names.ts";

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

export function parseAuthMethod(value: string | undefined): AuthMethod | undefined {
  if (value === undefined) return undefined;
  const method = authMethods.find((candidate) => candidate === value);
  if (!method) throw new UsageError(`--auth '${value}' is not one of ${authMethods.join(", ")}`);
  return method;
}
