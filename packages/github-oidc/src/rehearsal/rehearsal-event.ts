import { UsageError } from "@infra/cli";
import type { GithubRunClaims } from "@infra/emulator";
import type { GitHubRepository } from "../github-subject.ts";

export type RehearsalEvent = "pull_request" | "push" | "schedule" | "workflow_dispatch";
const PREFERRED: readonly RehearsalEvent[] = ["pull_request", "push", "schedule", "workflow_dispatch"];

/** The trigger to rehearse: the one asked for, else the workflow's main trigger. */
export function rehearsalEvent(events: readonly string[], asked?: string): RehearsalEvent {
  if (asked !== undefined) {
    if (!events.includes(asked) || !PREFERRED.includes(asked as RehearsalEvent)) {
      throw new UsageError(`--event ${asked}: the workflow is triggered by ${events.join(", ")}`);
    }
    return asked as RehearsalEvent;
  }
  const found = PREFERRED.find((event) => events.includes(event));
  if (!found) throw new UsageError(`no trigger the rehearsal knows (${PREFERRED.join(", ")}) in: ${events.join(", ")}`);
  return found;
}

/**
 * The workflow-run claims GitHub would put in a job's ID token: the trigger decides the ref; a job with an
 * environment gets `environment` (which is what its `sub` then names).
 */
export function runClaimsFor(
  repository: GitHubRepository,
  event: RehearsalEvent,
  environment: string | undefined,
  defaultBranch: string,
): GithubRunClaims {
  const ref = event === "pull_request" ? "refs/pull/7/merge" : `refs/heads/${defaultBranch}`;
  const full = `${repository.owner}/${repository.name}`;
  return {
    repository: full,
    repositoryOwner: repository.owner,
    repositoryOwnerId: repository.ownerId ?? "",
    repositoryId: repository.repoId ?? "",
    ref,
    environment: environment ?? "",
    eventName: event,
    workflow: "rehearsal",
    jobWorkflowRef: `${full}/.github/workflows/rehearsal.yml@${ref}`,
    runId: "4242",
    runAttempt: "1",
    actor: "rehearsal",
    sha: "0000000000000000000000000000000000000000",
  };
}
