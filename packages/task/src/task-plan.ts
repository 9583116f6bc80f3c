import { type PlannedState, planWithLiveState, type ResourceKind, withNotes } from "@infra/plan";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import type { TaskPlanRequest } from "./task-runtime.ts";

/** One task's plan: its desired resources (none when destroying) against live state, plus its preflight checks. */
export async function planTask(
  definition: TaskDefinition,
  context: TaskContext,
  request: TaskPlanRequest,
  kinds: readonly ResourceKind[] = definition.kinds(context),
): Promise<PlannedState> {
  const planned = await planWithLiveState({
    environment: context.environment.name,
    subscriptionId: context.azure.subscriptionId,
    tasks: [definition.name],
    desired: request.destroy ? [] : await definition.desired(context),
    kinds,
    prune: request.prune || request.destroy,
    protectedEnvironment: context.environment.protected,
    signal: context.signal,
  });
  if (!definition.preflight || request.preflight === false) return planned;
  const { problems = [], notes = [] } = await definition.preflight(planned.plan, context);
  const { plan } = planned;
  return {
    ...planned,
    plan: {
      ...plan,
      problems: [...plan.problems, ...problems],
      ...withNotes([...(plan.notes ?? []), ...notes]),
    },
  };
}
