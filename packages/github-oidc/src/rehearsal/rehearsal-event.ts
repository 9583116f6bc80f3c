import { UsageError } from "@infra/cli";
import type { GithubRunClaims } from "@infra/emulator";
import type { GitHubRepository } from "../github-subject.ts";

export type RehearsalEvent = "pull_request" | "push" | "schedule" | "workflow_dispatch";
const PREFERRED: readonly RehearsalEvent[] = ["pull_request", "push", "schedule", "workflow_dispatch"];
const ZERO_SHA = "0000000000000000000000000000000000000000";

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

/** What the person rehearsing says about the trigger; the rest has defaults. */
export interface TriggerOptions {
  /** The commit the run is for (`github.sha`): a push's head, or a pull request's merge preview. */
  sha?: string | undefined;
  /** A push's previous head (`github.event.before`); default HEAD~1. */
  before?: string | undefined;
  /** The pull request of a pull_request run; default #7, base HEAD~1. */
  pullRequest?: { number: number; headSha: string; baseSha: string } | undefined;
  /** A manual run's inputs. */
  inputs?: Readonly<Record<string, string>> | undefined;
  /** A pull request from a fork: GitHub gives its jobs no ID token. */
  fromFork?: boolean | undefined;
}

export interface RehearsalTrigger {
  readonly event: RehearsalEvent;
  readonly sha: string;
  readonly ref: string;
  readonly before: string;
  readonly pullRequest?: { number: number; headSha: string; baseSha: string } | undefined;
  readonly inputs: Readonly<Record<string, string>>;
  readonly fromFork: boolean;
}

export function rehearsalTrigger(
  event: RehearsalEvent,
  options: TriggerOptions,
  defaultBranch: string,
): RehearsalTrigger {
  const pullRequest =
    event === "pull_request" ? (options.pullRequest ?? { number: 7, headSha: ZERO_SHA, baseSha: "HEAD~1" }) : undefined;
  return {
    event,
    sha: options.sha ?? ZERO_SHA,
    ref: pullRequest ? `refs/pull/${pullRequest.number}/merge` : `refs/heads/${defaultBranch}`,
    before: options.before ?? "HEAD~1",
    pullRequest,
    inputs: options.inputs ?? {},
    fromFork: options.fromFork === true && event === "pull_request",
  };
}

/** `github.event` as the trigger's webhook payload carries the parts the workflows read. */
export function eventPayload(trigger: RehearsalTrigger): Record<string, unknown> {
  if (trigger.pullRequest) {
    const { number, headSha, baseSha } = trigger.pullRequest;
    return { pull_request: { number, head: { sha: headSha }, base: { sha: baseSha } } };
  }
  if (trigger.event === "push") return { before: trigger.before, after: trigger.sha };
  if (trigger.event === "workflow_dispatch") return { inputs: trigger.inputs };
  return {};
}

/**
 * The workflow-run claims GitHub would put in a job's ID token: the trigger decides the ref; a job with an
 * environment gets `environment` (which is what its `sub` then names).
 */
export function runClaimsFor(
  repository: GitHubRepository,
  trigger: RehearsalTrigger,
  environment: string | undefined,
  runId: number,
): GithubRunClaims {
  const full = `${repository.owner}/${repository.name}`;
  return {
    repository: full,
    repositoryOwner: repository.owner,
    repositoryOwnerId: repository.ownerId ?? "",
    repositoryId: repository.repoId ?? "",
    ref: trigger.ref,
    environment: environment ?? "",
    eventName: trigger.event,
    workflow: "rehearsal",
    jobWorkflowRef: `${full}/.github/workflows/rehearsal.yml@${trigger.ref}`,
    runId: String(runId),
    runAttempt: "1",
    actor: "rehearsal",
    sha: trigger.sha,
  };
}
