import { createPlan, type Plan } from "@infra/plan";
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
  const problems = await definition.preflight(plan, context);
  return problems.length === 0 ? plan : { ...plan, problems: [...plan.problems, ...problems] };
}

/** The part of a combined plan that belongs to one task. */
export function taskPart(plan: Plan, task: string): Plan {
  return {
    ...plan,
    tasks: [task],
    changes: plan.changes.filter((change) => change.task === task),
    orphans: plan.orphans.filter((orphan) => orphan.task === task),
    problems: plan.problems.filter((problem) =>
      plan.changes.some((c) => c.address === problem.address && c.task === task),
    ),
  };
}
