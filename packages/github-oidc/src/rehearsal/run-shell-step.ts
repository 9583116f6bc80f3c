import { spawn } from "node:child_process";

export interface ShellStepRun {
  script: string;
  cwd: string;
  env: Record<string, string>;
  /** Where the step's output goes (the rehearsal's stderr, or a log in tests). */
  output: NodeJS.WritableStream;
  signal?: AbortSignal | undefined;
}

/** Runs a `run:` script as GitHub's ubuntu runner does: `bash --noprofile --norc -eo pipefail`. */
export function runShellStep(run: ShellStepRun): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", run.script], {
      cwd: run.cwd,
      env: run.env,
      stdio: ["ignore", "pipe", "pipe"],
      signal: run.signal,
    });
    child.stdout.on("data", (chunk: Buffer) => run.output.write(chunk));
    child.stderr.on("data", (chunk: Buffer) => run.output.write(chunk));
    child.on("error", (error) => (error.name === "AbortError" ? resolve(130) : reject(error)));
    child.on("close", (code) => resolve(code ?? 1));
  });
}
