import { classifyChanges } from "./classify-changes.ts";
import type { DesiredResource } from "./desired-resource.ts";
import { LiveReadError } from "./errors.ts";
import type { LiveResource } from "./live-resource.ts";
import { withOwnershipTags } from "./ownership.ts";
import { PLAN_VERSION, type Plan, type PlanChange } from "./plan.ts";
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
  /** The environment is protected: every tagged resource carries `protected=true`, so Azure remembers it. */
  readonly protectedEnvironment?: boolean;
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

/** A plan and the live state it was made against, by lower-cased id: what an apply right after it writes from. */
export interface PlannedState {
  readonly plan: Plan;
  readonly live: ReadonlyMap<string, LiveResource>;
}

/** Desired state -> one read per kind -> a Plan. Throws PlanConfigError / DependencyCycleError before any read. */
export async function createPlan(input: CreatePlanInput): Promise<Plan> {
  return (await planWithLiveState(input)).plan;
}

/** `createPlan`, keeping the live state read for it. */
export async function planWithLiveState(input: CreatePlanInput): Promise<PlannedState> {
  const kinds = new Map(input.kinds.map((kind) => [kind.kind, kind]));
  validateDesired(input.desired, kinds, input.tasks);
  const desired = input.desired.map((resource) =>
    withOwnershipTags(resource, kinds.get(resource.kind)!, input.environment, input.protectedEnvironment),
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
  const liveById = new Map<string, LiveResource>();
  for (const resources of live.values())
    for (const resource of resources) liveById.set(resource.id.toLowerCase(), resource);
  const changes = await Promise.all(
    classification.changes.map((change) => withContents(change, kinds, liveById, input.signal)),
  );
  const plan: Plan = {
    version: PLAN_VERSION,
    environment: input.environment,
    subscriptionId: input.subscriptionId,
    createdAt: (input.now ?? new Date()).toISOString(),
    prune,
    tasks: [...input.tasks],
    ...classification,
    changes,
  };
  return { plan, live: liveById };
}

/** A delete with what ARM would delete along with it; a read that fails fails the plan (never a silent delete). */
async function withContents(
  change: PlanChange,
  kinds: ReadonlyMap<string, ResourceKind>,
  live: ReadonlyMap<string, LiveResource>,
  signal: AbortSignal | undefined,
): Promise<PlanChange> {
  const kind = kinds.get(change.kind);
  const resource = live.get(change.id.toLowerCase());
  if (change.action !== "delete" || !kind?.readContents || !resource) return change;
  try {
    return { ...change, contents: await kind.readContents(resource, signal) };
  } catch (error) {
    throw new LiveReadError(`what ARM would delete with ${change.id}`, error);
  }
}
