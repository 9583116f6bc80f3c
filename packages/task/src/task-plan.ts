import { createPlan, type Plan, withNotes } from "@infra/plan";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";

export interface TaskPlanOptions {
  /** Delete owned resources that left the configuration. */
  prune: boolean;
  /** Plan the removal of everything this task owns in the environment. */
  destroy: boolean;
}

/** One task's plan: its desired resources (none when destroying) against live state, plus its preflight checks. */
export async function planTask(
  definition: TaskDefinition,
  context: TaskContext,
  options: TaskPlanOptions,
): Promise<Plan> {
  const plan = await createPlan({
    environment: context.environment.name,
    subscriptionId: context.azure.subscriptionId,
    tasks: [definition.name],
    desired: options.destroy ? [] : definition.desired(context),
    kinds: definition.kinds(context),
    prune: options.prune || options.destroy,
    signal: context.signal,
  });
  if (!definition.preflight) return plan;
  const { problems = [], notes = [] } = await definition.preflight(plan, context);
  return {
    ...plan,
    problems: [...plan.problems, ...problems],
    ...withNotes([...(plan.notes ?? []), ...notes]),
  };
}

/** The part of a combined plan that belongs to one task. */
export function taskPart(plan: Plan, task: string): Plan {
  const belongsTo = (address: string): boolean =>
    plan.changes.some((change) => change.address === address && change.task === task);
  const { notes = [], ...rest } = plan;
  return {
    ...rest,
    tasks: [task],
    changes: plan.changes.filter((change) => change.task === task),
    orphans: plan.orphans.filter((orphan) => orphan.task === task),
    problems: plan.problems.filter((problem) => belongsTo(problem.address)),
    ...withNotes(notes.filter((note) => belongsTo(note.address))),
  };
}
