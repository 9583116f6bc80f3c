import type { ParseArgsOptionsConfig } from "node:util";
import { type CommandContext, describeError, UsageError } from "@infra/cli";
import { type ApplyProgressEvent, applyPlan, type Plan, type PlanChange, readPlanFile } from "@infra/plan";
import type { TaskApplyReport } from "./apply-report.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import { taskPart } from "./task-plan.ts";
import { readTaskResults } from "./task-results.ts";

export interface ApplyTaskPartOptions {
  planFile: string;
  /** Set when a root command runs the tasks: earlier tasks' failures are read from there. */
  resultDir: string | undefined;
  concurrency: number | undefined;
}

const firstLine = (error: unknown): string => describeError(error, { verbose: false }).lines[0] ?? String(error);

/**
 * Applies this task's changes of a saved (combined) plan. Changes that depend on a resource that failed in a task run
 * before this one are skipped with that reason instead of failing one by one against Azure.
 */
export async function applyTaskPart<O extends ParseArgsOptionsConfig>(
  definition: TaskDefinition,
  context: TaskContext,
  run: Pick<CommandContext<O>, "progress" | "signal">,
  options: ApplyTaskPartOptions,
): Promise<TaskApplyReport> {
  const saved = await readPlanFile(options.planFile);
  if (saved.environment !== context.environment.name) {
    throw new UsageError(`the plan is for environment "${saved.environment}", not "${context.environment.name}"`);
  }
  const part = taskPart(saved, definition.name);
  const blocked = options.resultDir ? await failedInEarlierTasks(options.resultDir) : new Set<string>();
  const isBlocked = (change: PlanChange) => change.dependsOn.some((address) => blocked.has(address));
  const runnable: Plan = { ...part, changes: part.changes.filter((change) => !isBlocked(change)) };

  const applied = await applyPlan(runnable, {
    kinds: definition.kinds(context),
    signal: run.signal,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    onProgress: (event: ApplyProgressEvent) => {
      const { action, address } = event.item;
      if (event.type === "succeeded") run.progress.report(action, address, "done", event.durationMs);
      if (event.type === "failed")
        run.progress.report(action, address, `FAILED ${firstLine(event.error)}`, event.durationMs);
      if (event.type === "skipped") run.progress.report(action, address, `skipped: ${event.reason}`, 0);
    },
  });
  return {
    task: definition.name,
    succeeded: applied.succeeded.map(({ item, durationMs }) => ({
      address: item.address,
      action: item.action,
      durationMs,
    })),
    failed: applied.failed.map(({ item, error }) => ({
      address: item.address,
      action: item.action,
      error: firstLine(error),
    })),
    skipped: [
      ...applied.skipped.map(({ item, reason }) => ({ address: item.address, action: item.action, reason })),
      ...part.changes.filter(isBlocked).map((change) => ({
        address: change.address,
        action: change.action,
        reason: "a resource it depends on failed in an earlier task",
      })),
    ],
    outputs: applied.failed.length === 0 && definition.outputs ? await definition.outputs(part, context) : [],
    interrupted: applied.interrupted,
  };
}

async function failedInEarlierTasks(dir: string): Promise<Set<string>> {
  const results = await readTaskResults<TaskApplyReport>(dir, "apply");
  return new Set(
    results.flatMap((result) =>
      [...(result.data?.failed ?? []), ...(result.data?.skipped ?? [])].map((entry) => entry.address),
    ),
  );
}
