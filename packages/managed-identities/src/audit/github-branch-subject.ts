/** GitHub Actions' OIDC issuer; GitHub Enterprise Cloud with a custom issuer adds a path (`/<enterprise>`). */
const GITHUB_ISSUER_HOST = "token.actions.githubusercontent.com";

/** Whether a federated credential's issuer is GitHub Actions. */
export function isGitHubIssuer(issuer: unknown): boolean {
  if (typeof issuer !== "string") return false;
  try {
    return new URL(issuer).host.toLowerCase() === GITHUB_ISSUER_HOST;
  } catch {
    return false;
  }
}

/**
 * The branch a GitHub subject trusts, or undefined when it trusts something else (an environment, pull requests, a
 * tag). Covers both subject forms: `repo:acme/infra:ref:refs/heads/main` and `repo:acme@1/infra@2:ref:refs/heads/main`.
 */
export function branchOfSubject(subject: unknown): string | undefined {
  if (typeof subject !== "string") return undefined;
  return /^repo:[^:]+:ref:refs\/heads\/(.+)$/.exec(subject)?.[1];
}
