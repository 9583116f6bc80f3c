import { classifyChanges } from "./classify-changes.ts";
import type { DesiredResource } from "./desired-resource.ts";
import { withOwnershipTags } from "./ownership.ts";
import { PLAN_VERSION, type Plan } from "./plan.ts";
import { readLiveState } from "./read-live-state.ts";
import type { ResourceKind } from "./resource-kind.ts";
import { validateDesired } from "./validate-desired.ts";

export interface CreatePlanInput {
  readonly environment: string;
  readonly subscriptionId: string;
  /** Tasks this plan covers: their owned leftovers are found even when nothing of theirs is desired any more. */
  readonly tasks: readonly string[];
  readonly desired: readonly DesiredResource[];
  /** Every kind the tasks use; each is read once, also when none of its resources is desired (destroy). */
  readonly kinds: readonly ResourceKind[];
  /** Delete owned resources that left the configuration. Default false: they are reported as orphans. */
  readonly prune?: boolean;
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

/** Desired state -> one read per kind -> a Plan. Throws PlanConfigError / DependencyCycleError before any read. */
export async function createPlan(input: CreatePlanInput): Promise<Plan> {
  const kinds = new Map(input.kinds.map((kind) => [kind.kind, kind]));
  validateDesired(input.desired, kinds, input.tasks);
  const desired = input.desired.map((resource) =>
    withOwnershipTags(resource, kinds.get(resource.kind)!, input.environment),
  );
  const idsByKind = new Map<string, string[]>();
  for (const resource of desired) idsByKind.set(resource.kind, [...(idsByKind.get(resource.kind) ?? []), resource.id]);
  const live = await readLiveState({
    subscriptionId: input.subscriptionId,
    environment: input.environment,
    tasks: input.tasks,
    kinds: input.kinds,
    idsByKind,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const prune = input.prune ?? false;
  const classification = classifyChanges({
    environment: input.environment,
    tasks: input.tasks,
    prune,
    desired,
    live,
    kinds,
  });
  return {
    version: PLAN_VERSION,
    environment: input.environment,
    subscriptionId: input.subscriptionId,
    createdAt: (input.now ?? new Date()).toISOString(),
    prune,
    tasks: [...input.tasks],
    ...classification,
  };
}
