/**
 * Every credential this package can use, by the name @azure/identity gives it (and AZURE_TOKEN_CREDENTIALS accepts),
 * plus `GitHubActionsCredential` for the OIDC path, which @azure/identity has no name for.
 */
export const credentialNames = [
  "GitHubActionsCredential",
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
] as const;

export type CredentialName = (typeof credentialNames)[number];

/** What a person reads in logs and errors. */
export const credentialLabels: Readonly<Record<CredentialName, string>> = {
  GitHubActionsCredential: "GitHub Actions OIDC",
  EnvironmentCredential: "Environment",
  WorkloadIdentityCredential: "Workload identity",
  ManagedIdentityCredential: "Managed identity",
  VisualStudioCodeCredential: "Visual Studio Code",
  AzureCliCredential: "Azure CLI",
  AzurePowerShellCredential: "Azure PowerShell",
  AzureDeveloperCliCredential: "Azure Developer CLI",
};

/** @azure/identity's DefaultAzureCredential order for AZURE_TOKEN_CREDENTIALS=prod. */
export const prodCredentials: readonly CredentialName[] = [
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
];

/** @azure/identity's DefaultAzureCredential order for AZURE_TOKEN_CREDENTIALS=dev (the broker needs a plugin: left out). */
export const devCredentials: readonly CredentialName[] = [
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
];
