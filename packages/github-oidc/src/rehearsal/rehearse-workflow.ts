import { mkdir, mkdtemp, readdir, readFile, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { connectAzure } from "@infra/auth";
import type { Emulator } from "@infra/emulator";
import { loadEnvironment } from "@infra/environments";
import { applyBootstrap } from "../apply-bootstrap.ts";
import { planBootstrap } from "../bootstrap-plan.ts";
import { type GitHubRepository, githubSubject } from "../github-subject.ts";
import type { GitHubVariable } from "../github-variables.ts";
import { type ExpressionContexts, evaluateCondition, evaluateTemplate } from "./expressions.ts";
import { type RehearsalEvent, rehearsalEvent, runClaimsFor } from "./rehearsal-event.ts";
import type { JobResult, RehearsalResult } from "./rehearsal-result.ts";
import { runJob } from "./run-job.ts";
import { readWorkflow, type WorkflowJob } from "./workflow-file.ts";

/** The emulator the rehearsal signs in against: one it started, or one a test or a person runs. */
export type RehearsalEmulator = Pick<Emulator, "url" | "caPath" | "githubRequestToken" | "admin" | "env">;

export interface RehearsalRequest {
  workflowPath: string;
  workspace: string;
  emulator: RehearsalEmulator;
  repository: GitHubRepository;
  /** Environments to bootstrap first (their identities and variables). */
  environments: readonly string[];
  event?: string | undefined;
  defaultBranch?: string | undefined;
  output: NodeJS.WritableStream;
  signal?: AbortSignal | undefined;
}

// Only what a runner's shell has anyway; nothing of the person's own Azure sign-in leaks into a rehearsed step.
const PASSED_THROUGH = ["PATH", "HOME", "LANG", "USER", "SHELL", "TMPDIR", "NO_COLOR"];

/** Bootstraps the environments as the emulator's Owner, then runs the workflow's jobs in `needs` order. */
export async function rehearseWorkflow(request: RehearsalRequest): Promise<RehearsalResult> {
  const workflow = await readWorkflow(request.workflowPath);
  const event = rehearsalEvent(workflow.events, request.event);
  const defaultBranch = request.defaultBranch ?? "main";
  const variables = await bootstrapEnvironments(request, defaultBranch);
  const runDir = await mkdtemp(join(tmpdir(), "infra-rehearsal-"));
  const before = new Set(await readdir(request.workspace));
  const jobs: JobResult[] = [];
  const needs: Record<string, { outputs: Record<string, string>; result: string }> = {};
  for (const job of jobOrder(workflow.jobs)) {
    const contexts = sharedContexts(request, event, job, variables, needs, runDir);
    if (!evaluateCondition(job.if, contexts, { failed: job.needs.some((name) => needs[name]?.result === "failure") })) {
      needs[job.id] = { outputs: {}, result: "skipped" };
      continue;
    }
    const claims = runClaimsFor(request.repository, event, job.environment, defaultBranch);
    await request.emulator.admin.config({ github: claims });
    const idToken = job.permissions["id-token"] === "write";
    const runs = [];
    for (const matrix of matrixCombinations(evaluateTemplate(job.matrix, contexts))) {
      runs.push(
        await runJob({
          workflow,
          job,
          matrix,
          contexts,
          baseEnv: stepEnvironment(request, event, job, idToken, runDir),
          workspace: request.workspace,
          dir: runDir,
          subject: idToken ? githubSubject(request.repository, subjectContext(event, job, defaultBranch)) : undefined,
          output: request.output,
          signal: request.signal,
        }),
      );
    }
    jobs.push(...runs);
    needs[job.id] = {
      outputs: Object.assign({}, ...runs.map((run) => run.outputs)),
      result: runs.some((run) => run.failed) ? "failure" : "success",
    };
  }
  const artifacts = await keepArtifacts(request, before, runDir);
  return {
    workflow: basename(request.workflowPath),
    event,
    jobs,
    artifacts,
    runDir,
    ok: jobs.every((job) => !job.failed),
  };
}

async function bootstrapEnvironments(request: RehearsalRequest, defaultBranch: string): Promise<GitHubVariable[]> {
  const azure = await connectAzure({ task: "rehearsal", env: request.emulator.env("ops") });
  const variables: GitHubVariable[] = [];
  for (const name of request.environments) {
    const environment = await loadEnvironment({ env: name });
    const bootstrap = { environment, repository: request.repository, defaultBranch, prune: false, azure };
    variables.push(...(await applyBootstrap(bootstrap, await planBootstrap(bootstrap))));
  }
  return variables;
}

function sharedContexts(
  request: RehearsalRequest,
  event: RehearsalEvent,
  job: WorkflowJob,
  variables: readonly GitHubVariable[],
  needs: Record<string, unknown>,
  runDir: string,
): ExpressionContexts {
  // A job in a GitHub environment sees that environment's variables over the repository's.
  const visible = [
    ...variables.filter((variable) => !variable.environment),
    ...variables.filter((variable) => variable.environment === job.environment),
  ];
  const repository = `${request.repository.owner}/${request.repository.name}`;
  return {
    github: {
      event_name: event,
      repository,
      repository_owner: request.repository.owner,
      ref: event === "pull_request" ? "refs/pull/7/merge" : "refs/heads/main",
      sha: "0000000000000000000000000000000000000000",
      token: "rehearsal-token",
      workspace: request.workspace,
      job: job.id,
      event: event === "pull_request" ? { pull_request: { number: 7, base: { sha: "HEAD~1" } } } : {},
    },
    vars: Object.fromEntries(visible.map((variable) => [variable.name, variable.value])),
    secrets: { GITHUB_TOKEN: "rehearsal-token" },
    needs,
    runner: { os: "Linux", temp: runDir },
    inputs: {},
    strategy: {},
  };
}

function stepEnvironment(
  request: RehearsalRequest,
  event: RehearsalEvent,
  job: WorkflowJob,
  idToken: boolean,
  runDir: string,
): Record<string, string> {
  const inherited = Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  const repository = `${request.repository.owner}/${request.repository.name}`;
  return {
    ...inherited,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event,
    GITHUB_REPOSITORY: repository,
    GITHUB_REF: event === "pull_request" ? "refs/pull/7/merge" : "refs/heads/main",
    GITHUB_JOB: job.id,
    GITHUB_WORKSPACE: request.workspace,
    RUNNER_TEMP: runDir,
    // The emulator in place of Azure: its endpoints (a custom cloud) and its CA.
    AZURE_AUTHORITY_HOST: request.emulator.url,
    AZURE_RESOURCE_MANAGER_ENDPOINT: request.emulator.url,
    NODE_EXTRA_CA_CERTS: request.emulator.caPath,
    // The runner sets these only for jobs with `id-token: write`; here the emulator's issuer stands in for GitHub's.
    ...(idToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${request.emulator.url}/github/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: request.emulator.githubRequestToken,
        }
      : {}),
  };
}

function subjectContext(event: RehearsalEvent, job: WorkflowJob, defaultBranch: string) {
  if (job.environment) return { kind: "environment" as const, environment: job.environment };
  if (event === "pull_request") return { kind: "pull_request" as const };
  return { kind: "branch" as const, branch: defaultBranch };
}

/** `needs` order; jobs that wait on nothing first, in file order. */
function jobOrder(jobs: readonly WorkflowJob[]): WorkflowJob[] {
  const done = new Set<string>();
  const ordered: WorkflowJob[] = [];
  while (ordered.length < jobs.length) {
    const next = jobs.find((job) => !done.has(job.id) && job.needs.every((name) => done.has(name)));
    if (!next) throw new TypeError("the workflow's `needs` form a cycle or name a missing job");
    done.add(next.id);
    ordered.push(next);
  }
  return ordered;
}

/** A matrix as GitHub expands it: the product of its lists, or its `include` entries alone. */
function matrixCombinations(matrix: unknown): (Record<string, unknown> | undefined)[] {
  if (typeof matrix !== "object" || matrix === null) return [undefined];
  const { include, exclude: _exclude, ...axes } = matrix as Record<string, unknown>;
  let combinations: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(axes)) {
    const list = Array.isArray(values) ? values : [values];
    combinations = combinations.flatMap((combination) => list.map((value) => ({ ...combination, [key]: value })));
  }
  const included = Array.isArray(include) ? (include as Record<string, unknown>[]) : [];
  if (Object.keys(axes).length === 0) return included;
  return [...combinations, ...included];
}

/** New top-level files the workflow names (audit.sarif, plan.json...) move to the run directory. */
async function keepArtifacts(
  request: RehearsalRequest,
  before: ReadonlySet<string>,
  runDir: string,
): Promise<string[]> {
  const text = await readFile(request.workflowPath, "utf8");
  const created = (await readdir(request.workspace)).filter((name) => !before.has(name) && text.includes(name));
  await mkdir(runDir, { recursive: true });
  for (const name of created) await rename(join(request.workspace, name), join(runDir, name));
  return created;
}
