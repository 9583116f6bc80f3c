import type { PlanProblem } from "./plan.ts";

/** The plan carries problems (conflicts, forced replacements): none of it is applied until they are resolved. */
export class PlanNotApplicableError extends Error {
  readonly problems: readonly PlanProblem[];

  constructor(problems: readonly PlanProblem[]) {
    super(
      `the plan cannot be applied:\n${problems.map((problem) => `  - ${problem.address}: ${problem.message}`).join("\n")}`,
    );
    this.name = "PlanNotApplicableError";
    this.problems = problems;
  }
}
