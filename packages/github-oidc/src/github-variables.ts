import type { Environment } from "@infra/environments";

/** A GitHub Actions variable: repository-wide, or scoped to a GitHub environment (which then wins over the former). */
export interface GitHubVariable {
  name: string;
  value: string;
  /** The GitHub environment it belongs to; absent for a repository variable. */
  environment?: string | undefined;
}

export interface DeployIdentityClientIds {
  apply: string;
  read: string;
}

/** `prod` -> `PROD`: variable names are letters, digits and underscores. */
export function variableSuffix(environment: string): string {
  return environment.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/**
 * What the workflows read. The apply job runs in the GitHub environment and sees AZURE_CLIENT_ID of the apply
 * identity there; plan and audit jobs have no environment (that would change their token's subject) and read the
 * read identity's client id from a repository variable named after the environment.
 */
export function githubVariables(
  environment: Environment,
  tenantId: string,
  subscriptionId: string,
  clientIds: DeployIdentityClientIds,
): GitHubVariable[] {
  const suffix = variableSuffix(environment.name);
  return [
    { name: "AZURE_TENANT_ID", value: tenantId },
    { name: `AZURE_SUBSCRIPTION_ID_${suffix}`, value: subscriptionId },
    { name: `AZURE_READER_CLIENT_ID_${suffix}`, value: clientIds.read },
    { name: "AZURE_CLIENT_ID", value: clientIds.apply, environment: environment.name },
    { name: "AZURE_TENANT_ID", value: tenantId, environment: environment.name },
    { name: "AZURE_SUBSCRIPTION_ID", value: subscriptionId, environment: environment.name },
  ];
}

export function renderGitHubVariables(repository: string, variables: readonly GitHubVariable[]): string {
  const where = (variable: GitHubVariable) =>
    variable.environment ? `environment ${variable.environment}` : "repository";
  const width = Math.max(...variables.map((variable) => where(variable).length));
  return [
    `GitHub Actions variables for ${repository} (Settings > Secrets and variables > Actions > Variables; none is a secret):`,
    ...variables.map((variable) => `  ${where(variable).padEnd(width)}  ${variable.name}=${variable.value}`),
  ].join("\n");
}
