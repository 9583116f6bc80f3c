import { DependencyCycleError } from "./errors.ts";
import { findCycle } from "./find-cycle.ts";

export interface DependencyNode<T> {
  readonly key: string;
  /** Keys that must succeed first; keys not among the nodes count as already done. */
  readonly dependsOn: readonly string[];
  readonly item: T;
}

export type ProgressEvent<T> =
  | { readonly type: "started"; readonly item: T }
  | { readonly type: "succeeded"; readonly item: T; readonly durationMs: number }
  | { readonly type: "failed"; readonly item: T; readonly error: unknown; readonly durationMs: number }
  | { readonly type: "skipped"; readonly item: T; readonly reason: string };

export interface RunOptions<T> {
  /** Most items in flight at once. Default DEFAULT_CONCURRENCY (64). */
  readonly concurrency?: number;
  /** Stops starting new items; items already running finish. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent<T>) => void;
}

export interface RunResult<T> {
  readonly succeeded: { readonly item: T; readonly durationMs: number }[];
  readonly failed: { readonly item: T; readonly error: unknown; readonly durationMs: number }[];
  readonly skipped: { readonly item: T; readonly reason: string }[];
  /** The signal stopped the run before every item was started. */
  readonly interrupted: boolean;
}

/**
 * Most changes are long-running operations that wait on Azure, not on this machine: 64 in flight keeps a 50-account
 * apply close to its critical path, and ARM's own write bucket (200, refilled at 10/s) is the real limit beyond that.
 */
export const DEFAULT_CONCURRENCY = 64;

/**
 * Runs each item after all its dependencies succeeded, at most `concurrency` at a time, ready items in input order.
 * A failure does not stop independent branches; its dependents are skipped with the reason. Never rejects for an
 * item's error: every failure is collected in the result. A cycle throws before anything runs.
 */
export async function runInDependencyOrder<T>(
  nodes: readonly DependencyNode<T>[],
  run: (item: T) => Promise<void>,
  options: RunOptions<T> = {},
): Promise<RunResult<T>> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const cycle = findCycle(new Map(nodes.map((node) => [node.key, node.dependsOn])));
  if (cycle) throw new DependencyCycleError(cycle);

  const order = new Map(nodes.map((node, index) => [node.key, index]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    const inside = [...new Set(node.dependsOn)].filter((key) => byKey.has(key));
    waitingOn.set(node.key, inside.length);
    for (const key of inside) dependents.set(key, [...(dependents.get(key) ?? []), node.key]);
  }
  const result: Omit<RunResult<T>, "interrupted"> = { succeeded: [], failed: [], skipped: [] };
  const settled = new Set<string>();
  const ready = nodes.filter((node) => waitingOn.get(node.key) === 0).map((node) => node.key);
  const emit = (event: ProgressEvent<T>): void => options.onProgress?.(event);
  let running = 0;

  const skip = (key: string, reason: string): void => {
    const node = byKey.get(key)!;
    settled.add(key);
    result.skipped.push({ item: node.item, reason });
    emit({ type: "skipped", item: node.item, reason });
  };
  const skipDependents = (key: string, reason: string): void => {
    for (const dependent of dependents.get(key) ?? []) {
      if (settled.has(dependent)) continue;
      skip(dependent, reason);
      skipDependents(dependent, `depends on ${dependent}, which was skipped`);
    }
  };

  return new Promise((resolve) => {
    const pump = (): void => {
      while (!options.signal?.aborted && running < concurrency && ready.length > 0) start(ready.shift()!);
      if (running > 0 || (ready.length > 0 && !options.signal?.aborted)) return;
      const left = nodes.filter((node) => !settled.has(node.key));
      for (const node of left) skip(node.key, "the run was interrupted before it started");
      options.signal?.removeEventListener("abort", pump);
      resolve({ ...result, interrupted: left.length > 0 });
    };

    const start = (key: string): void => {
      const node = byKey.get(key)!;
      running += 1;
      emit({ type: "started", item: node.item });
      const began = performance.now();
      Promise.resolve()
        .then(() => run(node.item))
        .then(
          () => {
            const durationMs = performance.now() - began;
            result.succeeded.push({ item: node.item, durationMs });
            emit({ type: "succeeded", item: node.item, durationMs });
            for (const dependent of dependents.get(key) ?? []) {
              const remaining = (waitingOn.get(dependent) ?? 0) - 1;
              waitingOn.set(dependent, remaining);
              if (remaining === 0 && !settled.has(dependent)) insertInOrder(ready, dependent, order);
            }
          },
          (error: unknown) => {
            const durationMs = performance.now() - began;
            result.failed.push({ item: node.item, error, durationMs });
            emit({ type: "failed", item: node.item, error, durationMs });
            skipDependents(key, `depends on ${key}, which failed`);
          },
        )
        .finally(() => {
          settled.add(key);
          running -= 1;
          pump();
        });
    };

    options.signal?.addEventListener("abort", pump);
    pump();
  });
}

function insertInOrder(ready: string[], key: string, order: ReadonlyMap<string, number>): void {
  const rank = order.get(key) ?? 0;
  const at = ready.findIndex((other) => (order.get(other) ?? 0) > rank);
  if (at === -1) ready.push(key);
  else ready.splice(at, 1, key, ready[at]!);
}
