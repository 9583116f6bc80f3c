import { type AzureContext, connectAzure, forgetCredentials } from "@infra/auth";
import type { Emulator, GithubRunClaims } from "@infra/emulator";

/** Claims of a workflow run: `pull_request` (no environment), `environment` (the apply job), or a push to `ref`. */
export type RunKind = { pullRequest: true } | { environment: string } | { ref: string };

export function runClaims(kind: RunKind, ids?: { ownerId: string; repoId: string }): Partial<GithubRunClaims> {
  const base = {
    repository: "acme/infra",
    repositoryOwner: "acme",
    // An empty id (or environment) is the same as none for the emulator's issuer.
    repositoryOwnerId: ids?.ownerId ?? "",
    repositoryId: ids?.repoId ?? "",
  };
  if ("pullRequest" in kind) return { ...base, eventName: "pull_request", ref: "refs/pull/7/merge", environment: "" };
  if ("environment" in kind)
    return { ...base, eventName: "push", ref: "refs/heads/main", environment: kind.environment };
  return { ...base, eventName: "push", ref: kind.ref, environment: "" };
}

/**
 * Signs in exactly as a job would: the emulator's GitHub issuer stands in for the runner's token service, the
 * claims are those of `kind`, and @infra/auth's GitHub Actions credential exchanges them for the identity `clientId`.
 */
export async function connectAsWorkflow(
  emulator: Emulator,
  clientId: string,
  kind: RunKind,
  ids?: { ownerId: string; repoId: string },
): Promise<AzureContext> {
  await emulator.admin.config({ github: runClaims(kind, ids) as GithubRunClaims });
  forgetCredentials();
  return connectAzure({
    task: "github-oidc-test",
    env: { ...emulator.env("github"), AZURE_CLIENT_ID: clientId, GITHUB_ACTIONS: "true" },
  });
}
