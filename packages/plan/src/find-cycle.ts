/**
 * The first dependency loop in a graph (key -> keys it depends on), as `[a, b, a]`, or undefined when there is none.
 * Edges to keys outside the graph are ignored. Iterative so a long chain cannot overflow the stack.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: { key: string; next: number }[] = [{ key: start, next: 0 }];
    state.set(start, "visiting");
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const dependency = graph.get(frame.key)?.[frame.next];
      frame.next += 1;
      if (dependency === undefined) {
        state.set(frame.key, "done");
        stack.pop();
        continue;
      }
      if (!graph.has(dependency) || state.get(dependency) === "done") continue;
      if (state.get(dependency) === "visiting") {
        const from = stack.findIndex((entry) => entry.key === dependency);
        return [...stack.slice(from).map((entry) => entry.key), dependency];
      }
      state.set(dependency, "visiting");
      stack.push({ key: dependency, next: 0 });
    }
  }
  return undefined;
}
