import { type PlannedState, planWithLiveState, type ResourceKind, withNotes } from "@infra/plan";
import { provisioningOf, type TaskContext, type TaskDefinition } from "./task-definition.ts";
import type { TaskPlanRequest } from "./task-runtime.ts";

/** One task's plan: its desired resources (none when destroying) against live state, plus its preflight checks. */
export async function planTask(
  definition: TaskDefinition,
  context: TaskContext,
  request: TaskPlanRequest,
  kinds?: readonly ResourceKind[],
): Promise<PlannedState> {
  const provisioning = await provisioningOf(definition);
  const planned = await planWithLiveState({
    environment: context.environment.name,
    subscriptionId: context.azure.subscriptionId,
    tasks: [definition.name],
    desired: request.destroy ? [] : await provisioning.desired(context),
    kinds: kinds ?? provisioning.kinds(context),
    prune: request.prune || request.destroy,
    protectedEnvironment: context.environment.protected,
    signal: context.signal,
  });
  if (!provisioning.preflight || request.preflight === false) return planned;
  const { problems = [], notes = [] } = await provisioning.preflight(planned.plan, context);
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
