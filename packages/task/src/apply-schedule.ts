import type { ApplyProgressEvent, DependencyNode, PlanChange, RunResult } from "@infra/plan";
import { runInDependencyOrder } from "@infra/plan";
import type { ApplyDeadlines } from "./apply-deadlines.ts";
import type { TaskRuntime } from "./task-runtime.ts";

/** Why a schedule stopped before its end. */
export type ScheduleStop = "signal" | "deadline" | "lock";

export interface ScheduleOptions {
  runtimes: readonly TaskRuntime[];
  concurrency?: number | undefined;
  deadlines: ApplyDeadlines;
  /** A person or a CI runner stopping the run (SIGINT, SIGTERM, SIGHUP). */
  signal: AbortSignal;
  /** The whole apply's deadline. */
  deadline: AbortSignal;
  /** The lock taken away. */
  lockLost?: AbortSignal | undefined;
  /** How long changes in flight may go on after a signal before they are abandoned. */
  graceMs: number;
  /** Called every `waitingEveryMs` with what is still in flight and since when (long operations, stuck ones). */
  onWaiting?: ((waiting: readonly { change: PlanChange; sinceMs: number }[]) => void) | undefined;
  waitingEveryMs?: number | undefined;
  onProgress?: ((event: ApplyProgressEvent) => void) | undefined;
}

export interface ScheduleResult extends RunResult<PlanChange> {
  stoppedBy: ScheduleStop | undefined;
}

/**
 * Runs changes in dependency order across every task's process. A stop starts no new change; what is in flight is
 * then abandoned at once (the apply's deadline, a lost lock: waiting longer changes nothing) or after a short grace
 * (a signal: most changes end within seconds, and a change ended is one the next run need not redo).
 */
export async function runSchedule(
  nodes: readonly DependencyNode<PlanChange>[],
  options: ScheduleOptions,
  before: (change: PlanChange) => Promise<void> = async () => undefined,
): Promise<ScheduleResult> {
  const byTask = new Map(options.runtimes.map((runtime) => [runtime.task, runtime]));
  const stops: [ScheduleStop, AbortSignal][] = [
    ["signal", options.signal],
    ["deadline", options.deadline],
    ...(options.lockLost ? ([["lock", options.lockLost]] as [ScheduleStop, AbortSignal][]) : []),
  ];
  const stopping = AbortSignal.any(stops.map(([, signal]) => signal));
  let stoppedBy: ScheduleStop | undefined;
  const inFlight = new Map<string, { change: PlanChange; started: number }>();
  const abandonAll = (reason: string) => {
    for (const runtime of options.runtimes) void runtime.abandon(reason).catch(() => undefined);
  };
  let grace: NodeJS.Timeout | undefined;
  const onStop = () => {
    stoppedBy = stops.find(([, signal]) => signal.aborted)?.[0];
    const reason =
      stoppedBy === "signal"
        ? "abandoned when the run was stopped"
        : stoppedBy === "deadline"
          ? "abandoned at the apply's deadline"
          : "abandoned when the environment's lock was lost";
    if (stoppedBy === "signal") grace = setTimeout(() => abandonAll(reason), options.graceMs);
    else abandonAll(reason);
  };
  stopping.addEventListener("abort", onStop, { once: true });
  if (stopping.aborted) onStop();
  const waiting = options.onWaiting
    ? setInterval(() => {
        const now = performance.now();
        options.onWaiting?.([...inFlight.values()].map(({ change, started }) => ({ change, sinceMs: now - started })));
      }, options.waitingEveryMs ?? 30_000)
    : undefined;
  try {
    const result = await runInDependencyOrder(
      nodes,
      async (change) => {
        const runtime = byTask.get(change.task);
        if (!runtime) throw new Error(`no task ${change.task} in this run for ${change.address}`);
        inFlight.set(change.address, { change, started: performance.now() });
        try {
          await before(change);
          await runtime.apply(change.address, { deadlineMs: options.deadlines.operationMs(change.kind) });
        } finally {
          inFlight.delete(change.address);
        }
      },
      {
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        signal: stopping,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
    return { ...result, stoppedBy };
  } finally {
    stopping.removeEventListener("abort", onStop);
    if (grace) clearTimeout(grace);
    if (waiting) clearInterval(waiting);
  }
}
