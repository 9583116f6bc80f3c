import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { RehearsalGitHub } from "./github-stand-in.ts";

/** What a run is, for the artifacts it keeps: its id, and the commit and branch they are named for. */
export interface ArtifactRun {
  readonly github: RehearsalGitHub;
  readonly runId: number;
  readonly headSha: string;
  readonly headBranch: string;
  readonly fromFork: boolean;
  readonly workspace: string;
}

/** Is this `uses:` one of the artifact actions the rehearsal carries out itself? */
export function isArtifactAction(uses: string | undefined): "upload" | "download" | undefined {
  if (uses?.startsWith("actions/upload-artifact@")) return "upload";
  if (uses?.startsWith("actions/download-artifact@")) return "download";
  return undefined;
}

/**
 * actions/upload-artifact v4 for one file or directory path (what the workflows give it): stored under the run in
 * the rehearsal's GitHub, refused when the name is taken in the run without `overwrite`. Returns what happened.
 */
export async function uploadArtifact(run: ArtifactRun, inputs: Record<string, string>): Promise<string> {
  const name = inputs.name ?? "artifact";
  const paths = (inputs.path ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const found = paths.map((path) => join(run.workspace, path)).filter((path) => existsSync(path));
  if (found.length === 0) {
    const message = `No files were found with the provided path: ${paths.join(", ")}`;
    if ((inputs["if-no-files-found"] ?? "warn") === "error") throw new Error(message);
    return `${message}. No artifacts will be uploaded.`;
  }
  await run.github.uploadArtifact(
    { name, runId: run.runId, headSha: run.headSha, headBranch: run.headBranch, fromFork: run.fromFork },
    found,
    inputs.overwrite === "true",
  );
  return `artifact ${name} kept (run ${run.runId})`;
}

/**
 * actions/download-artifact v4: by `name` (the files into `path`), or by `pattern` (each artifact into
 * `path/<name>/`, or all into `path` with `merge-multiple`), from this run or `run-id`'s.
 */
export async function downloadArtifact(run: ArtifactRun, inputs: Record<string, string>): Promise<string> {
  const runId = inputs["run-id"] ? Number(inputs["run-id"]) : run.runId;
  const into = join(run.workspace, inputs.path ?? ".");
  if (inputs.name) {
    if (!(await run.github.downloadArtifact(runId, inputs.name, into))) {
      throw new Error(`Unable to download artifact(s): Artifact not found for name: ${inputs.name}`);
    }
    return `artifact ${inputs.name} downloaded`;
  }
  const pattern = new RegExp(`^${(inputs.pattern ?? "*").replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  const names = (await run.github.artifacts())
    .filter((artifact) => artifact.runId === runId && pattern.test(artifact.name))
    .map((artifact) => artifact.name);
  for (const name of names) {
    await run.github.downloadArtifact(runId, name, inputs["merge-multiple"] === "true" ? into : join(into, name));
  }
  return `${names.length} artifact(s) downloaded${names.length > 0 && existsSync(into) ? `: ${(await readdir(into)).join(", ")}` : ""}`;
}
