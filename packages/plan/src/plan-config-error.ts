/** The desired resources are inconsistent (duplicate address, unknown kind or dependency): found before any read. */
export class PlanConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid desired resources:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "PlanConfigError";
    this.problems = problems;
  }
}
