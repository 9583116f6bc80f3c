import type { CommonFlags, Logger } from "@infra/cli";
import { commandEnvironment } from "./command-environment.ts";
import { forwardedFlags } from "./forwarded-flags.ts";
import type { TaskList } from "./task-list.ts";
import { type TaskSession, withTaskSession } from "./task-session.ts";

/** What a root command's run hands its task processes: its flags, its environment, its signal. */
export interface RootRun {
  readonly flags: CommonFlags;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/** Where a root command runs its tasks from: the repository, the task list, and the turbo task they join through. */
export interface RootSessionTarget {
  readonly turboTask: "provision" | "audit";
  readonly repoRoot: string;
  readonly tasks: TaskList;
}

/**
 * The task session of a root command: every task process gets the run's environment, verbosity and credential choice
 * (`--auth` as INFRA_AUTH), and the run's Ctrl-C ends them. `prepare` runs once the root has signed in, while the
 * tasks are still joining; `work` gets what it made.
 */
export function withRootSession<T, P = undefined>(
  run: RootRun,
  target: RootSessionTarget,
  work: (session: TaskSession, prepared: P) => Promise<T>,
  prepare?: () => Promise<P>,
): Promise<T> {
  return withTaskSession(
    {
      ...target,
      args: forwardedFlags(run.flags, process.cwd()),
      env: commandEnvironment(run.flags, run.env),
      signal: run.signal,
      verbose: run.flags.verbose,
      log: run.log,
    },
    work,
    prepare,
  );
}
