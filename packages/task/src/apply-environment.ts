import { describeError } from "@infra/cli";
import {
  type ApplyProgressEvent,
  changeNodes,
  comparePlans,
  type DependencyNode,
  type Plan,
  type PlanChange,
  PlanNotApplicableError,
  StalePlanError,
} from "@infra/plan";
import type { ApplyDeadlines } from "./apply-deadlines.ts";
import type { ApplyLock } from "./apply-lock.ts";
import type { ApplyReport } from "./apply-report.ts";
import { runSchedule, type ScheduleOptions, type ScheduleResult } from "./apply-schedule.ts";
import { planEnvironment } from "./plan-environment.ts";
import type { TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";

export interface ApplyEnvironmentRequest {
  /** The plan a person approved: shown and confirmed, or saved with `plan --out`. Checked, never trusted. */
  approved: Plan;
  /** How the approved plan was made; the fresh plan it is checked against is made the same way. */
  planRequest: TaskPlanRequest;
  runtimes: readonly TaskRuntime[];
  lock: ApplyLock;
  /** Most changes in flight at once, across every task. */
  concurrency?: number | undefined;
  /** Stops starting changes (Ctrl-C, SIGTERM); changes in flight get a short grace, then are abandoned. */
  signal: AbortSignal;
  deadlines: ApplyDeadlines;
  /** How long changes in flight may go on after a signal (default 10 s). */
  graceMs?: number | undefined;
  onProgress?: (event: ApplyProgressEvent) => void;
  /** Told every 30 s what is still in flight and for how long. */
  onWaiting?: ScheduleOptions["onWaiting"];
}

const firstLine = (error: unknown): string =>
  (describeError(error, { verbose: false }).lines[0] ?? String(error)).replace(/^error: /, "");

/**
 * Applies an approved plan across every task:
 * 1. every task plans again against live state read now, and the approved plan must be exactly that fresh plan
 *    (same changes, desired properties, live fingerprints, subscription): otherwise nothing is written and every
 *    offending change is named (StalePlanError), or the fresh plan's problems are (PlanNotApplicableError);
 * 2. this happens holding the environment's lock, and again after taking it when the lock's home had to be created
 *    first (an environment's first apply);
 * 3. the changes run in one schedule, in dependency order across tasks: a change whose dependency failed or was
 *    skipped is skipped, in whatever task it is; a lost lock stops new changes;
 * 4. when nothing failed, the tasks' outputs are collected.
 */
export async function applyEnvironment(request: ApplyEnvironmentRequest): Promise<ApplyReport> {
  const { approved, lock, signal } = request;
  if (approved.problems.length > 0) throw new PlanNotApplicableError(approved.problems);
  const nodes = changeNodes(approved);
  const verify = async (applied: ReadonlySet<string>): Promise<void> => {
    const fresh = await planEnvironment(request.runtimes, { ...request.planRequest, preflight: false }, signal);
    if (fresh.problems.length > 0) throw new PlanNotApplicableError(fresh.problems);
    const mismatches = comparePlans(approved, fresh, applied);
    if (mismatches.length > 0) throw new StalePlanError(mismatches);
  };

  // One deadline for the whole apply, from before the first write.
  const deadline = AbortSignal.timeout(request.deadlines.applyMs);
  const schedule = (lockLost?: AbortSignal): Omit<ScheduleOptions, "deadline"> & { deadline: AbortSignal } => ({
    runtimes: request.runtimes,
    concurrency: request.concurrency,
    deadlines: request.deadlines,
    signal,
    deadline,
    lockLost,
    graceMs: request.graceMs ?? 10_000,
    onWaiting: request.onWaiting,
    onProgress: request.onProgress,
  });
  const first = await lock.prerequisites(approved, signal);
  const results: ScheduleResult[] = [];
  if (first.size > 0) {
    // The environment's first apply: its lock's home is created before the lock can be taken.
    await verify(new Set());
    const made = await runSchedule(
      nodes.filter((node) => first.has(node.key)),
      schedule(),
    );
    results.push(made);
    if (made.failed.length > 0 || made.skipped.length > 0) {
      return report(results, nodes, first, "the environment's lock could not be set up", []);
    }
  }

  const held = await lock.acquire(signal);
  try {
    await verify(first);
    const home = lock.homeDeletes(approved);
    const rest = nodes.filter((node) => !first.has(node.key));
    // The lock's home goes last, once everything else is done and the lock is given back.
    const after = dependentsOf(rest, home);
    const others = rest.filter((node) => !home.has(node.key) && !after.has(node.key)).map((node) => node.key);
    const ordered = rest.map((node) =>
      home.has(node.key) ? { ...node, dependsOn: [...node.dependsOn, ...others] } : node,
    );
    const applied = await runSchedule(ordered, schedule(held.lost), async (change) => {
      if (home.has(change.address)) await held.release();
    });
    results.push(applied);
    const failed = results.some((result) => result.failed.length > 0 || result.interrupted);
    const outputs = failed ? [] : (await Promise.all(request.runtimes.map((runtime) => runtime.outputs()))).flat();
    const lost = held.lost.aborted ? firstLine(held.lost.reason) : undefined;
    return report(results, nodes, new Set(), lost, outputs);
  } finally {
    await held.release();
  }
}

/** Every node that waits, directly or not, on one of `keys` (the group that holds the lock's home account). */
function dependentsOf(nodes: readonly DependencyNode<PlanChange>[], keys: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (found.has(node.key) || keys.has(node.key)) continue;
      if (node.dependsOn.some((key) => keys.has(key) || found.has(key))) {
        found.add(node.key);
        grew = true;
      }
    }
  }
  return found;
}

/** One report over the rounds of an apply; changes never started because an earlier round failed are skipped. */
function report(
  results: readonly ScheduleResult[],
  nodes: readonly DependencyNode<PlanChange>[],
  notStartedAfterFailure: ReadonlySet<string> | Set<string>,
  stopReason: string | undefined,
  outputs: ApplyReport["outputs"],
): ApplyReport {
  const succeeded = results.flatMap((result) => result.succeeded);
  const failed = results.flatMap((result) => result.failed);
  const skipped = results.flatMap((result) =>
    result.skipped.map(({ item, reason }) => ({
      address: item.address,
      action: item.action,
      reason: stopReason && /interrupted/.test(reason) ? stopReason : reason,
    })),
  );
  const settled = new Set(
    [...succeeded, ...failed].map(({ item }) => item.address).concat(skipped.map((entry) => entry.address)),
  );
  const never =
    notStartedAfterFailure.size > 0
      ? nodes
          .filter((node) => !settled.has(node.key))
          .map((node) => ({ address: node.key, action: node.item.action, reason: stopReason ?? "not started" }))
      : [];
  return {
    succeeded: succeeded.map(({ item, durationMs }) => ({ address: item.address, action: item.action, durationMs })),
    failed: failed.map(({ item, error }) => ({ address: item.address, action: item.action, error: firstLine(error) })),
    skipped: [...skipped, ...never],
    outputs,
    interrupted: results.some((result) => result.interrupted),
    stoppedBy: results.map((result) => result.stoppedBy).find((stop) => stop !== undefined),
  };
}
