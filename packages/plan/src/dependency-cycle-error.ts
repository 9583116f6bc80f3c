/** dependsOn forms a loop, so no order exists; raised before anything is read or run. */
export class DependencyCycleError extends Error {
  /** The loop, first address repeated at the end: `a -> b -> a`. */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super(`dependency cycle: ${cycle.join(" -> ")}; remove one of these dependsOn entries`);
    this.name = "DependencyCycleError";
    this.cycle = cycle;
  }
}
