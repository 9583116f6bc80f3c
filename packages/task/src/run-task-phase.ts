import { CliError, ExitCode } from "@infra/cli";
import { runTurbo } from "./run-turbo.ts";
import { readTaskResults, type TaskPhase, type TaskResult } from "./task-results.ts";
import { taskEnvironment } from "./task-run-directory.ts";

export interface TaskPhaseRun {
  /** The turbo task (= each package's script name): plan, apply, destroy. */
  turboTask: string;
  phase: TaskPhase;
  args: readonly string[];
  dir: string;
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Show every task's log lines (apply progress) or only a failing task's (plan, audit). */
  outputLogs: "full" | "errors-only";
  verbose?: boolean;
}

/** A task crashed or refused before it could report (its own error is printed above, in turbo's output). */
export class TaskPhaseError extends CliError {
  constructor(phase: string, detail: string, exitCode: ExitCode) {
    super(`${phase}: ${detail}`, exitCode);
    this.name = "TaskPhaseError";
  }
}

/** Runs one phase in every task package through turbo and returns each task's reported result. */
export async function runTaskPhase<T>(run: TaskPhaseRun): Promise<TaskResult<T>[]> {
  const code = await runTurbo({
    task: run.turboTask,
    args: run.args,
    env: taskEnvironment(run.env, run.dir),
    cwd: run.repoRoot,
    signal: run.signal,
    outputLogs: run.outputLogs,
    verbose: run.verbose === true,
  });
  if (run.signal.aborted || code === 130) throw new TaskPhaseError(run.phase, "interrupted", ExitCode.interrupted);
  const results = await readTaskResults<T>(run.dir, run.phase);
  if (code !== 0) {
    // A configuration or usage problem in a task is still a configuration problem: keep its exit code 2.
    const exitCode = code === 2 ? ExitCode.config : ExitCode.failure;
    const reported = results.map((result) => result.task).join(", ") || "none";
    throw new TaskPhaseError(
      run.phase,
      `a task failed before reporting (tasks that reported: ${reported}); see above`,
      exitCode,
    );
  }
  return results;
}
