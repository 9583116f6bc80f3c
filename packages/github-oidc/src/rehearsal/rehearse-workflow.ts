import { chmod, mkdir, mkdtemp, readdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { connectAzure } from "@infra/auth";
import type { Emulator } from "@infra/emulator";
import { loadEnvironment } from "@infra/environments";
import { taskList } from "@infra/tasks";
import { applyBootstrap } from "../apply-bootstrap.ts";
import { planBootstrap } from "../bootstrap-plan.ts";
import { type GitHubRepository, githubSubject } from "../github-subject.ts";
import type { GitHubVariable } from "../github-variables.ts";
import type { ArtifactRun } from "./artifact-steps.ts";
import { type ExpressionContexts, evaluateCondition, evaluateString, evaluateTemplate } from "./expressions.ts";
import { RehearsalGitHub } from "./github-stand-in.ts";
import {
  eventPayload,
  type RehearsalTrigger,
  rehearsalEvent,
  rehearsalTrigger,
  runClaimsFor,
  type TriggerOptions,
} from "./rehearsal-event.ts";
import type { JobResult, RehearsalResult } from "./rehearsal-result.ts";
import { runJob } from "./run-job.ts";
import { readWorkflow, type WorkflowJob } from "./workflow-file.ts";
import { lockWorkspace } from "./workspace-lock.ts";

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
  /** The commit, pull request, previous head or inputs of the trigger (defaults otherwise). */
  trigger?: TriggerOptions | undefined;
  /** GitHub's side (pull requests, comments, artifacts), kept across rehearsals; a fresh one by default. */
  github?: RehearsalGitHub | undefined;
  /** GitHub environments with required reviewers: their jobs wait unless `approve` says yes. */
  protectedEnvironments?: readonly string[] | undefined;
  /** A reviewer's answer for a job in a protected environment (default: approve). */
  approve?: ((job: string, environment: string) => boolean) | undefined;
  /** Repository variables beyond the bootstrap's (an audit identity, say). */
  variables?: readonly GitHubVariable[] | undefined;
  defaultBranch?: string | undefined;
  output: NodeJS.WritableStream;
  signal?: AbortSignal | undefined;
}

// Only what a runner's shell has anyway; nothing of the person's own Azure sign-in leaks into a rehearsed step.
const PASSED_THROUGH = ["PATH", "HOME", "LANG", "USER", "SHELL", "TMPDIR", "NO_COLOR"];

interface NeedResult {
  outputs: Record<string, string>;
  result: "success" | "failure" | "skipped" | "waiting";
}

/** Bootstraps the environments as the emulator's Owner, then runs the workflow's jobs in `needs` order. */
export async function rehearseWorkflow(request: RehearsalRequest): Promise<RehearsalResult> {
  const workflow = await readWorkflow(request.workflowPath);
  const defaultBranch = request.defaultBranch ?? "main";
  const trigger = rehearsalTrigger(
    rehearsalEvent(workflow.events, request.event),
    request.trigger ?? {},
    defaultBranch,
  );
  const variables = [...(await bootstrapEnvironments(request, defaultBranch)), ...(request.variables ?? [])];
  const github = request.github ?? (await RehearsalGitHub.create());
  const runId = await github.newId();
  // A pull_request run is for a pull request GitHub knows: open it if the rehearsal's GitHub does not have it yet.
  const pull = trigger.pullRequest;
  if (pull && !(await github.state()).pulls.some((entry) => entry.number === pull.number)) {
    await github.openPullRequest(pull);
  }
  const ghBin = await ghStandIn(github);
  const runDir = await mkdtemp(join(tmpdir(), "infra-rehearsal-"));
  const unlock = await lockWorkspace(request.workspace, request);
  try {
    return await runJobs(request, { workflow, trigger, variables, github, runId, ghBin, runDir, defaultBranch });
  } finally {
    await unlock();
  }
}

interface WorkflowRun {
  workflow: Awaited<ReturnType<typeof readWorkflow>>;
  trigger: ReturnType<typeof rehearsalTrigger>;
  variables: GitHubVariable[];
  github: RehearsalGitHub;
  runId: number;
  ghBin: string;
  runDir: string;
  defaultBranch: string;
}

/** The workflow's jobs in `needs` order, in the checkout this rehearsal holds. */
async function runJobs(request: RehearsalRequest, run: WorkflowRun): Promise<RehearsalResult> {
  const { workflow, trigger, variables, github, runId, ghBin, runDir, defaultBranch } = run;
  const before = new Set(await readdir(request.workspace));
  const jobs: JobResult[] = [];
  const waiting: string[] = [];
  const artifacts: string[] = [];
  const needs: Record<string, NeedResult> = {};
  for (const job of jobOrder(workflow.jobs)) {
    if (job.needs.some((name) => needs[name]?.result === "waiting")) {
      needs[job.id] = { outputs: {}, result: "waiting" };
      continue;
    }
    const base = sharedContexts(request, trigger, job, variables, needs, runDir, runId, undefined);
    const notSucceeded = job.needs.some((name) => needs[name]?.result !== "success");
    if (!evaluateCondition(job.if, base, { failed: notSucceeded })) {
      needs[job.id] = { outputs: {}, result: "skipped" };
      continue;
    }
    const runs: JobResult[] = [];
    let held = false;
    for (const matrix of matrixCombinations(evaluateTemplate(job.matrix, base))) {
      const environment = job.environment
        ? evaluateString(job.environment, { ...base, matrix: matrix ?? {} })
        : undefined;
      // A protected GitHub environment's job starts only once a required reviewer approves it.
      if (environment && request.protectedEnvironments?.includes(environment)) {
        if (!(request.approve?.(job.id, environment) ?? true)) {
          held = true;
          waiting.push(`${job.id} (${environment})`);
          runs.push(waitingResult(job, matrix, environment));
          continue;
        }
      }
      await request.emulator.admin.config({ github: runClaimsFor(request.repository, trigger, environment, runId) });
      // GitHub gives no ID token to a fork's pull request, whatever the workflow asks for.
      const idToken = job.permissions["id-token"] === "write" && !trigger.fromFork;
      const artifactRun: ArtifactRun = {
        github,
        runId,
        headSha: trigger.pullRequest?.headSha ?? trigger.sha,
        headBranch: trigger.pullRequest ? `feature-${trigger.pullRequest.number}` : defaultBranch,
        fromFork: trigger.fromFork,
        workspace: request.workspace,
      };
      const result = await runJob({
        workflow,
        job,
        matrix,
        environment,
        contexts: sharedContexts(request, trigger, job, variables, needs, runDir, runId, environment),
        baseEnv: stepEnvironment(request, trigger, job, idToken, runDir, runId, github, ghBin),
        workspace: request.workspace,
        dir: runDir,
        subject: idToken
          ? githubSubject(request.repository, subjectContext(trigger, environment, defaultBranch))
          : undefined,
        artifactRun,
        output: request.output,
        signal: request.signal,
      });
      runs.push(result);
      // A runner gives each job a fresh checkout: what this one left moves out before the next starts.
      artifacts.push(...(await moveLeftovers(request.workspace, before, join(runDir, legName(job.id, matrix)))));
    }
    jobs.push(...runs);
    const ran = runs.filter((run) => !run.waiting);
    needs[job.id] = {
      outputs: Object.assign({}, ...ran.map((run) => run.outputs)),
      result: held ? "waiting" : ran.some((run) => run.failed) ? "failure" : "success",
    };
  }
  return {
    workflow: basename(request.workflowPath),
    event: trigger.event,
    runId,
    jobs,
    waiting,
    artifacts,
    runDir,
    ok: jobs.every((job) => !job.failed),
  };
}

async function bootstrapEnvironments(request: RehearsalRequest, defaultBranch: string): Promise<GitHubVariable[]> {
  const azure = await connectAzure({ task: "rehearsal", env: request.emulator.env("ops") });
  const variables: GitHubVariable[] = [];
  for (const name of request.environments) {
    const environment = await loadEnvironment({ env: name }, await taskList.sections());
    const bootstrap = { environment, repository: request.repository, defaultBranch, prune: false, azure };
    variables.push(...(await applyBootstrap(bootstrap, await planBootstrap(bootstrap))));
  }
  return variables;
}

/** A directory with a `gh` that answers from the rehearsal's GitHub, put first on every step's PATH. */
async function ghStandIn(github: RehearsalGitHub): Promise<string> {
  const bin = join(github.dir, "bin");
  await mkdir(bin, { recursive: true });
  const main = join(import.meta.dirname, "gh-main.ts");
  await writeFile(join(bin, "gh"), `#!/usr/bin/env bash\nexec "${process.execPath}" "${main}" "$@"\n`);
  await chmod(join(bin, "gh"), 0o755);
  return bin;
}

function sharedContexts(
  request: RehearsalRequest,
  trigger: RehearsalTrigger,
  job: WorkflowJob,
  variables: readonly GitHubVariable[],
  needs: Record<string, NeedResult>,
  runDir: string,
  runId: number,
  environment: string | undefined,
): ExpressionContexts {
  // A job in a GitHub environment sees that environment's variables over the repository's.
  const visible = [
    ...variables.filter((variable) => !variable.environment),
    ...variables.filter((variable) => environment !== undefined && variable.environment === environment),
  ];
  const repository = `${request.repository.owner}/${request.repository.name}`;
  return {
    github: {
      event_name: trigger.event,
      repository,
      repository_owner: request.repository.owner,
      ref: trigger.ref,
      sha: trigger.sha,
      run_id: String(runId),
      server_url: "https://github.com",
      token: "rehearsal-token",
      workspace: request.workspace,
      job: job.id,
      event: eventPayload(trigger),
    },
    vars: Object.fromEntries(visible.map((variable) => [variable.name, variable.value])),
    secrets: { GITHUB_TOKEN: "rehearsal-token" },
    needs,
    runner: { os: "Linux", temp: runDir },
    inputs: trigger.inputs,
    strategy: {},
  };
}

function stepEnvironment(
  request: RehearsalRequest,
  trigger: RehearsalTrigger,
  job: WorkflowJob,
  idToken: boolean,
  runDir: string,
  runId: number,
  github: RehearsalGitHub,
  ghBin: string,
): Record<string, string> {
  const inherited = Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  const repository = `${request.repository.owner}/${request.repository.name}`;
  return {
    ...inherited,
    PATH: `${ghBin}:${process.env.PATH ?? ""}`,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: trigger.event,
    GITHUB_REPOSITORY: repository,
    GITHUB_REF: trigger.ref,
    GITHUB_SHA: trigger.sha,
    GITHUB_RUN_ID: String(runId),
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_JOB: job.id,
    GITHUB_WORKSPACE: request.workspace,
    RUNNER_TEMP: runDir,
    // GitHub's side: the `gh` above serves the few API calls the workflows make from here.
    REHEARSAL_GITHUB_DIR: github.dir,
    ...(trigger.fromFork ? { REHEARSAL_GITHUB_READ_ONLY: "true" } : {}),
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

function subjectContext(trigger: RehearsalTrigger, environment: string | undefined, defaultBranch: string) {
  if (environment) return { kind: "environment" as const, environment };
  if (trigger.event === "pull_request") return { kind: "pull_request" as const };
  return { kind: "branch" as const, branch: defaultBranch };
}

function waitingResult(job: WorkflowJob, matrix: Record<string, unknown> | undefined, environment: string): JobResult {
  return {
    job: job.id,
    matrix,
    environment,
    subject: undefined,
    steps: [],
    outputs: {},
    summary: "",
    failed: false,
    waiting: true,
  };
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

/** `provision-dev`: one directory per job (and matrix leg) for what it leaves behind. */
export function legName(job: string, matrix: Record<string, unknown> | undefined): string {
  const values = Object.values(matrix ?? {})
    .map((value) => String(value).replace(/[^\w.-]+/g, "_"))
    .slice(0, 3);
  return [job, ...values].join("-");
}

/** New top-level entries of the workspace move to `into`; returns them as `<leg>/<name>`. */
export async function moveLeftovers(workspace: string, before: ReadonlySet<string>, into: string): Promise<string[]> {
  // Dot directories (turbo's cache) belong to the checkout's tools, not to the job.
  const created = (await readdir(workspace)).filter((name) => !before.has(name) && !name.startsWith("."));
  if (created.length === 0) return [];
  await mkdir(into, { recursive: true });
  const moved: string[] = [];
  for (const name of created) {
    try {
      await rename(join(workspace, name), join(into, name));
      moved.push(`${basename(into)}/${name}`);
    } catch (error) {
      // Gone before it could be moved: another tool's file written by rename (`_tmp_<pid>_<hex>`), not the job's.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return moved;
}
