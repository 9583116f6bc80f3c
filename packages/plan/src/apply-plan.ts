import type { DesiredResource } from "./desired-resource.ts";
import { PlanNotApplicableError } from "./errors.ts";
import type { LiveResource } from "./live-resource.ts";
import type { Plan, PlanChange } from "./plan.ts";
import type { ResourceKind } from "./resource-kind.ts";
import {
  type DependencyNode,
  type ProgressEvent,
  type RunResult,
  runInDependencyOrder,
} from "./run-in-dependency-order.ts";
import { verifyPlanCurrent } from "./verify-plan-current.ts";

export interface ApplyOptions {
  readonly kinds: readonly ResourceKind[];
  /** Most changes in flight at once. Default DEFAULT_CONCURRENCY (64). */
  readonly concurrency?: number;
  /** Stops starting new changes (Ctrl-C); running ones finish so nothing is left half-written by us. */
  readonly signal?: AbortSignal;
  /** Handed to the kinds' create/update/delete: aborts operations in flight (a second Ctrl-C). Default: never. */
  readonly abortRunning?: AbortSignal;
  readonly onProgress?: (event: ApplyProgressEvent) => void;
}

export type ApplyProgressEvent = ProgressEvent<PlanChange>;
export type ApplyResult = RunResult<PlanChange>;

/**
 * Applies exactly the plan: refuses a plan with problems, re-reads live state and refuses if any resource moved since
 * (StalePlanError), then runs the changes in dependency order. Per-change failures are in the result, not thrown.
 */
export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  if (plan.problems.length > 0) throw new PlanNotApplicableError(plan.problems);
  const kinds = new Map(options.kinds.map((kind) => [kind.kind, kind]));
  const live = await verifyPlanCurrent(plan, kinds, options.signal);
  const operationSignal = options.abortRunning ?? new AbortController().signal;

  const run = (change: PlanChange): Promise<void> =>
    applyChange(kinds.get(change.kind)!, change, live.get(change.id.toLowerCase()), operationSignal);
  return runInDependencyOrder(changeNodes(plan), run, {
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** Carries out one planned change with the kind that owns it, against the live resource the plan was checked with. */
export function applyChange(
  kind: ResourceKind,
  change: PlanChange,
  current: LiveResource | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (change.action === "create") return kind.create(desiredOf(change), signal);
  if (change.action === "no-op") return Promise.resolve();
  if (current === undefined)
    return Promise.reject(new Error(`${change.address}: live resource vanished before ${change.action}`));
  if (change.action === "update") return kind.update(desiredOf(change), current, change.diff, signal);
  return kind.delete(current, signal);
}

/**
 * The work to do, no-ops left out (a dependency on a no-op is already satisfied). Deletes run in reverse hierarchy
 * order: a resource is deleted only after the deleted resources nested under its id.
 */
export function changeNodes(plan: Plan): DependencyNode<PlanChange>[] {
  const work = plan.changes.filter((change) => change.action !== "no-op");
  const deletes = work.filter((change) => change.action === "delete");
  return work.map((change) => ({
    key: change.address,
    item: change,
    dependsOn:
      change.action === "delete"
        ? deletes.filter((other) => isNestedUnder(other.id, change.id)).map((other) => other.address)
        : change.dependsOn,
  }));
}

function isNestedUnder(id: string, parentId: string): boolean {
  return id.toLowerCase().startsWith(`${parentId.toLowerCase().replace(/\/+$/, "")}/`);
}

function desiredOf(change: PlanChange): DesiredResource {
  return {
    address: change.address,
    kind: change.kind,
    id: change.id,
    name: change.name,
    dependsOn: change.dependsOn,
    properties: change.properties ?? {},
    task: change.task,
  };
}
