import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A pull request as the rehearsal's GitHub knows it. */
export interface StandInPullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  /** Set by `mergePullRequest`: the commit the merge made on the default branch. */
  mergeCommitSha?: string | undefined;
  mergedAt?: string | undefined;
}

export interface StandInComment {
  id: number;
  issue: number;
  login: string;
  body: string;
}

export interface StandInArtifact {
  id: number;
  name: string;
  runId: number;
  headSha: string;
  headBranch: string;
  /** A fork's run has another head repository: the provision workflow must never take its plan. */
  fromFork: boolean;
  createdAt: string;
}

interface StandInState {
  nextId: number;
  pulls: StandInPullRequest[];
  comments: StandInComment[];
  artifacts: StandInArtifact[];
}

/** The bot GitHub posts as for a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = "github-actions[bot]";
const REPOSITORY_ID = 424242;
const FORK_REPOSITORY_ID = 515151;

/**
 * The part of GitHub the workflows talk to besides Azure, kept in a directory so that a workflow's steps (through the
 * `gh` stand-in) and the rehearsal share it, and so successive rehearsals (a pull request's plan, then its merge)
 * see what earlier ones left: pull requests, their comments, and each run's artifacts.
 */
export class RehearsalGitHub {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(dir?: string): Promise<RehearsalGitHub> {
    const github = new RehearsalGitHub(dir ?? (await mkdtemp(join(tmpdir(), "infra-github-"))));
    if (!existsSync(github.statePath)) await github.save({ nextId: 1000, pulls: [], comments: [], artifacts: [] });
    return github;
  }

  /** Opens the directory a rehearsal hands its steps (`REHEARSAL_GITHUB_DIR`). */
  static open(dir: string): RehearsalGitHub {
    return new RehearsalGitHub(dir);
  }

  private get statePath(): string {
    return join(this.dir, "state.json");
  }

  async state(): Promise<StandInState> {
    return JSON.parse(await readFile(this.statePath, "utf8")) as StandInState;
  }

  async save(state: StandInState): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(this.statePath, `${JSON.stringify(state, null, 2)}\n`);
  }

  async update<T>(change: (state: StandInState) => T): Promise<T> {
    const state = await this.state();
    const result = change(state);
    await this.save(state);
    return result;
  }

  async newId(): Promise<number> {
    return this.update((state) => state.nextId++);
  }

  async openPullRequest(pull: Pick<StandInPullRequest, "number" | "headSha" | "baseSha">): Promise<void> {
    await this.update((state) => {
      state.pulls = [...state.pulls.filter((entry) => entry.number !== pull.number), { ...pull }];
    });
  }

  /** Merges it: `mergeCommitSha` is the commit the push to the default branch then carries. */
  async mergePullRequest(number: number, mergeCommitSha: string): Promise<void> {
    await this.update((state) => {
      const pull = state.pulls.find((entry) => entry.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.mergeCommitSha = mergeCommitSha;
      pull.mergedAt = new Date().toISOString();
    });
  }

  async comments(issue: number): Promise<StandInComment[]> {
    return (await this.state()).comments.filter((comment) => comment.issue === issue);
  }

  async artifacts(): Promise<StandInArtifact[]> {
    return (await this.state()).artifacts;
  }

  artifactDir(runId: number, name: string): string {
    return join(this.dir, "artifacts", String(runId), name);
  }

  /** upload-artifact: the files, each at the artifact's root (as v4 stores a list of files). */
  async uploadArtifact(
    artifact: Omit<StandInArtifact, "id" | "createdAt">,
    files: readonly string[],
    overwrite: boolean,
  ): Promise<void> {
    const existing = (await this.artifacts()).find(
      (entry) => entry.runId === artifact.runId && entry.name === artifact.name,
    );
    if (existing && !overwrite) {
      throw new Error(
        `Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists on the workflow run`,
      );
    }
    const dir = this.artifactDir(artifact.runId, artifact.name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const file of files) await cp(file, join(dir, file.split("/").at(-1) ?? file), { recursive: true });
    const id = await this.newId();
    await this.update((state) => {
      state.artifacts = [
        ...state.artifacts.filter((entry) => !(entry.runId === artifact.runId && entry.name === artifact.name)),
        { ...artifact, id, createdAt: new Date(Date.now() + id).toISOString() },
      ];
    });
  }

  /** download-artifact / `gh run download`: the artifact's files into `into`; false when there is none. */
  async downloadArtifact(runId: number, name: string, into: string): Promise<boolean> {
    const dir = this.artifactDir(runId, name);
    if (!existsSync(dir)) return false;
    await mkdir(into, { recursive: true });
    for (const file of await readdir(dir)) await cp(join(dir, file), join(into, file), { recursive: true });
    return true;
  }

  /** GitHub's REST answers for the routes the workflows call; undefined for a route the stand-in does not cover. */
  async api(
    method: string,
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const url = new URL(path.replace(/^\//, ""), "https://api.github.invalid/");
    const route = url.pathname.replace(/^\//, "");
    let match = /^repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(route);
    if (match && method === "GET") {
      const sha = match[1];
      const pulls = (await this.state()).pulls.filter((pull) => pull.mergeCommitSha === sha || pull.headSha === sha);
      return { status: 200, body: pulls.map(renderPull) };
    }
    match = /^repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(route);
    if (match && method === "GET") {
      return { status: 200, body: (await this.comments(Number(match[1]))).map(renderComment) };
    }
    if (match && method === "POST") {
      const issue = Number(match[1]);
      if (!(await this.state()).pulls.some((pull) => pull.number === issue))
        return { status: 404, body: { message: "Not Found" } };
      const id = await this.newId();
      const comment = { id, issue, login: ACTIONS_BOT, body: fields.body ?? "" };
      await this.update((state) => state.comments.push(comment));
      return { status: 201, body: renderComment(comment) };
    }
    match = /^repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(route);
    if (match && method === "PATCH") {
      const id = Number(match[1]);
      const updated = await this.update((state) => {
        const comment = state.comments.find((entry) => entry.id === id);
        if (comment) comment.body = fields.body ?? comment.body;
        return comment;
      });
      return updated ? { status: 200, body: renderComment(updated) } : { status: 404, body: { message: "Not Found" } };
    }
    if (/^repos\/[^/]+\/[^/]+\/actions\/artifacts$/.test(route) && method === "GET") {
      const name = url.searchParams.get("name");
      const artifacts = (await this.artifacts())
        .filter((artifact) => name === null || artifact.name === name)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { status: 200, body: { total_count: artifacts.length, artifacts: artifacts.map(renderArtifact) } };
    }
    return undefined;
  }
}

// Shapes as GitHub's REST API documents them, with the fields the workflows read.
function renderPull(pull: StandInPullRequest) {
  return {
    number: pull.number,
    state: pull.mergedAt ? "closed" : "open",
    merged_at: pull.mergedAt ?? null,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    head: { sha: pull.headSha, ref: `feature-${pull.number}` },
    base: { sha: pull.baseSha, ref: "main" },
  };
}

function renderComment(comment: StandInComment) {
  return { id: comment.id, body: comment.body, user: { login: comment.login, type: "Bot" } };
}

function renderArtifact(artifact: StandInArtifact) {
  return {
    id: artifact.id,
    name: artifact.name,
    expired: false,
    created_at: artifact.createdAt,
    workflow_run: {
      id: artifact.runId,
      repository_id: REPOSITORY_ID,
      head_repository_id: artifact.fromFork ? FORK_REPOSITORY_ID : REPOSITORY_ID,
      head_branch: artifact.headBranch,
      head_sha: artifact.headSha,
    },
  };
}
