import { CliError } from "@infra/cli";
import type { Plan } from "@infra/plan";
import { combinePlans } from "./combine-plans.ts";
import { TaskError } from "./remote-task-runtime.ts";
import type { TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";
import { untilStopped } from "./until-stopped.ts";

/** What a task's error says, without the task's name in front. */
const reason = (error: Error) =>
  error instanceof TaskError ? error.message.slice(error.task.length + 2) : error.message;

/**
 * More than one task could not plan. They often fail for one reason seen from several sides (no credential, no
 * network): that reason is said once, naming the tasks; different reasons are listed each with its task.
 */
export class TasksFailedError extends CliError {
  constructor(errors: readonly Error[]) {
    const exitCode = errors.some((error) => error instanceof CliError && error.exitCode === 2) ? 2 : 1;
    const reasons = new Set(errors.map(reason));
    const tasks = errors.map((error) => (error instanceof TaskError ? error.task : error.name));
    super(
      reasons.size === 1
        ? `${tasks.join(", ")}: ${reason(errors[0] as Error)}`
        : `${errors.length} tasks failed:\n${errors.map((error) => `  ${error.message}`).join("\n")}`,
      exitCode,
    );
    this.name = "TasksFailedError";
  }
}

/**
 * Every task plans at once, each against live state read now; their plans become one. A stop (a signal) does not
 * wait for the reads: the caller ends the session, which ends them.
 */
export async function planEnvironment(
  runtimes: readonly TaskRuntime[],
  request: TaskPlanRequest,
  signal?: AbortSignal,
): Promise<Plan> {
  const planning = Promise.allSettled(runtimes.map((runtime) => runtime.plan(request)));
  const settled = signal ? await untilStopped(planning, signal, "planning") : await planning;
  const errors = settled.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new TasksFailedError(errors);
  return combinePlans(settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])));
}
