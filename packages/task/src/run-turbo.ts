import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { isTurboChrome } from "./turbo-chrome.ts";

export interface TurboRun {
  /** The turbo task: plan, apply, destroy, audit. */
  task: string;
  /** Arguments for every task process, after `--`. */
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal?: AbortSignal;
  /** turbo's --output-logs: `full` shows each task's progress as it happens, `errors-only` only a failing task's. */
  outputLogs?: "full" | "errors-only";
  /** Keep turbo's own header and summary lines (--verbose). */
  verbose?: boolean;
}

/**
 * Runs one turbo task across the task packages. Everything turbo prints goes to stderr (its own chrome only with
 * --verbose), so the root command's stdout carries only its result (`--json` prints exactly one document).
 */
export function runTurbo(run: TurboRun): Promise<number> {
  // turbo's own binary, not `pnpm exec turbo`: one process start (~0.4 s) less on every root command.
  const turbo = join(run.cwd, "node_modules", ".bin", "turbo");
  const args = [
    "run",
    run.task,
    `--output-logs=${run.outputLogs ?? "full"}`,
    "--log-order=stream",
    "--log-prefix=task",
    "--",
    ...run.args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(turbo, args, {
      cwd: run.cwd,
      env: {
        ...run.env,
        TURBO_TELEMETRY_DISABLED: "1",
        TURBO_NO_UPDATE_NOTIFIER: "1",
        TURBO_PRINT_VERSION_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      signal: run.signal,
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        if (run.verbose || !isTurboChrome(line)) process.stderr.write(`${line}\n`);
      });
    }
    child.on("error", (error) => (error.name === "AbortError" ? resolve(130) : reject(error)));
    child.on("close", (code, signal) => resolve(code ?? (signal === "SIGINT" ? 130 : 1)));
  });
}
