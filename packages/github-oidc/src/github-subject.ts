import { UsageError } from "@infra/cli";

/** Who the workflows run as on GitHub: `OWNER/REPO`, and the numeric ids when the owner@id/repo@id form is used. */
export interface GitHubRepository {
  owner: string;
  name: string;
  /** Both set: subjects use `repo:OWNER@OWNER_ID/REPO@REPO_ID:...` (repositories created after 2026-07-15). */
  ownerId?: string | undefined;
  repoId?: string | undefined;
}

/** What a job's ID token says about where it runs; one federated credential per context a workflow uses. */
export type SubjectContext =
  | { kind: "environment"; environment: string }
  | { kind: "pull_request" }
  | { kind: "branch"; branch: string };

export function parseRepository(value: string, ownerId?: string, repoId?: string): GitHubRepository {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new UsageError(`--repo ${value}: use OWNER/REPO, e.g. acme/infra`);
  if ((ownerId === undefined) !== (repoId === undefined)) {
    throw new UsageError(
      "give both --owner-id and --repo-id (the owner@id/repo@id subject form needs both), or neither",
    );
  }
  for (const [flag, id] of [
    ["--owner-id", ownerId],
    ["--repo-id", repoId],
  ] as const) {
    if (id !== undefined && !/^\d+$/.test(id)) throw new UsageError(`${flag} ${id}: must be GitHub's numeric id`);
  }
  return { owner: match[1], name: match[2], ownerId, repoId };
}

/**
 * The `sub` claim GitHub puts in a job's ID token, which a federated credential must equal exactly (case-sensitive):
 * `repo:acme/infra:environment:prod`, `repo:acme/infra:pull_request`, `repo:acme/infra:ref:refs/heads/main`.
 */
export function githubSubject(repository: GitHubRepository, context: SubjectContext): string {
  const repo =
    repository.ownerId && repository.repoId
      ? `${repository.owner}@${repository.ownerId}/${repository.name}@${repository.repoId}`
      : `${repository.owner}/${repository.name}`;
  switch (context.kind) {
    case "environment":
      return `repo:${repo}:environment:${context.environment}`;
    case "pull_request":
      return `repo:${repo}:pull_request`;
    default:
      return `repo:${repo}:ref:refs/heads/${context.branch}`;
  }
}

/** Federated credential names: 3-120 letters, digits, '-' or '_'. */
export function credentialName(context: SubjectContext): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 80);
  switch (context.kind) {
    case "environment":
      return `github-environment-${safe(context.environment)}`;
    case "pull_request":
      return "github-pull-request";
    default:
      return `github-branch-${safe(context.branch)}`;
  }
}
