import { describe, expect, it } from "vitest";
import { DependencyCycleError } from "../src/errors.ts";
import { type DependencyNode, type ProgressEvent, runInDependencyOrder } from "../src/run-in-dependency-order.ts";

type Graph = Record<string, string[]>;

function nodes(graph: Graph): DependencyNode<string>[] {
  return Object.entries(graph).map(([key, dependsOn]) => ({ key, dependsOn, item: key }));
}

/** A runner that records start and end order, overlaps work across event-loop turns, and fails chosen keys. */
function recorder(failing: readonly string[] = []) {
  const log: string[] = [];
  const state = { inFlight: 0, maxInFlight: 0 };
  const run = async (key: string): Promise<void> => {
    log.push(`start ${key}`);
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    state.inFlight -= 1;
    log.push(`end ${key}`);
    if (failing.includes(key)) throw new Error(`${key} broke`);
  };
  return { log, state, run };
}

const diamond: Graph = { rg: [], st1: ["rg"], st2: ["rg"], container: ["st1"], role: ["st1", "st2"] };

describe("runInDependencyOrder", () => {
  it.each<{ label: string; graph: Graph }>([
    { label: "a diamond", graph: diamond },
    { label: "a chain", graph: { c: ["b"], b: ["a"], a: [] } },
    { label: "independent nodes", graph: { a: [], b: [], c: [] } },
  ])("starts each node only after all its dependencies ended: $label", async ({ graph }) => {
    const { log, run } = recorder();
    const result = await runInDependencyOrder(nodes(graph), run);
    for (const [key, dependsOn] of Object.entries(graph)) {
      for (const dependency of dependsOn)
        expect(log.indexOf(`end ${dependency}`)).toBeLessThan(log.indexOf(`start ${key}`));
    }
    expect(result.succeeded.map((entry) => entry.item).sort()).toEqual(Object.keys(graph).sort());
  });

  it.each([1, 3, 8])("never has more than %i in flight, and uses the room it has", async (concurrency) => {
    const graph = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`n${index}`, []]));
    const { state, run } = recorder();
    await runInDependencyOrder(nodes(graph), run, { concurrency });
    expect(state.maxInFlight).toBe(concurrency);
  });

  it.each<{ label: string; failing: string[]; succeeded: string[]; failed: string[]; skipped: [string, string][] }>([
    {
      label: "a failed leaf skips nothing",
      failing: ["container"],
      succeeded: ["rg", "st1", "st2", "role"],
      failed: ["container"],
      skipped: [],
    },
    {
      label: "a failed branch skips its dependents and lets the other branch finish",
      failing: ["st1"],
      succeeded: ["rg", "st2"],
      failed: ["st1"],
      skipped: [
        ["container", "depends on st1, which failed"],
        ["role", "depends on st1, which failed"],
      ],
    },
    {
      label: "a failed root skips everything downstream, transitively",
      failing: ["rg"],
      succeeded: [],
      failed: ["rg"],
      skipped: [
        ["st1", "depends on rg, which failed"],
        ["container", "depends on st1, which was skipped"],
        ["role", "depends on st1, which was skipped"],
        ["st2", "depends on rg, which failed"],
      ],
    },
    {
      label: "two independent failures are both reported",
      failing: ["container", "st2"],
      succeeded: ["rg", "st1"],
      failed: ["st2", "container"],
      skipped: [["role", "depends on st2, which failed"]],
    },
  ])("$label", async ({ failing, succeeded, failed, skipped }) => {
    const { run } = recorder(failing);
    const result = await runInDependencyOrder(nodes(diamond), run);
    expect(result.succeeded.map((entry) => entry.item).sort()).toEqual([...succeeded].sort());
    expect(result.failed.map((entry) => entry.item).sort()).toEqual([...failed].sort());
    expect(result.failed.map((entry) => (entry.error as Error).message).sort()).toEqual(
      failed.map((key) => `${key} broke`).sort(),
    );
    expect(result.skipped.map((entry) => [entry.item, entry.reason])).toEqual(skipped);
    expect(result.interrupted).toBe(false);
  });

  it("reports progress for every node: started, then succeeded / failed / skipped", async () => {
    const events: ProgressEvent<string>[] = [];
    const { run } = recorder(["st1"]);
    await runInDependencyOrder(nodes(diamond), run, { concurrency: 1, onProgress: (event) => events.push(event) });
    expect(events.map((event) => `${event.type} ${event.item}`)).toEqual([
      "started rg",
      "succeeded rg",
      "started st1",
      "failed st1",
      "skipped container",
      "skipped role",
      "started st2",
      "succeeded st2",
    ]);
    expect(events.every((event) => !("durationMs" in event) || event.durationMs >= 0)).toBe(true);
  });

  it.each<{ label: string; graph: Graph; cycle: string }>([
    { label: "a self-dependency", graph: { a: ["a"] }, cycle: "a -> a" },
    {
      label: "a loop of three behind a root",
      graph: { root: [], a: ["root", "c"], b: ["a"], c: ["b"] },
      cycle: "a -> c -> b -> a",
    },
  ])("refuses $label before running anything", async ({ graph, cycle }) => {
    const { log, run } = recorder();
    await expect(runInDependencyOrder(nodes(graph), run)).rejects.toThrow(DependencyCycleError);
    await expect(runInDependencyOrder(nodes(graph), run)).rejects.toThrow(`dependency cycle: ${cycle}`);
    expect(log).toEqual([]);
  });

  it("an abort stops new work, lets running work finish, and skips the rest", async () => {
    const controller = new AbortController();
    const { log, run } = recorder();
    const result = await runInDependencyOrder(nodes({ a: [], b: [], c: ["a"], d: ["b"] }), run, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === "started" && event.item === "b") controller.abort();
      },
    });
    expect(log).toEqual(["start a", "start b", "end a", "end b"]);
    expect(result.succeeded.map((entry) => entry.item)).toEqual(["a", "b"]);
    expect(result.skipped.map((entry) => [entry.item, entry.reason])).toEqual([
      ["c", "the run was interrupted before it started"],
      ["d", "the run was interrupted before it started"],
    ]);
    expect(result.interrupted).toBe(true);
  });

  it("rejects a concurrency below 1", async () => {
    await expect(runInDependencyOrder(nodes({ a: [] }), async () => {}, { concurrency: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
