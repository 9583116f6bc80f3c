/** GitHub Actions' OIDC issuer and the audience Entra ID expects in the ID tokens it exchanges. */
export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
export const GITHUB_AUDIENCE = "api://AzureADTokenExchange";
