import type { PlanMismatch } from "./compare-plans.ts";
import type { PlanProblem } from "./plan.ts";

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

/** Live state could not be read. Fail closed: a plan over a partial read would propose wrong changes. */
export class LiveReadError extends Error {
  /** What could not be read: `live Microsoft.Storage/storageAccounts resources`, `contents of <id>`. */
  readonly what: string;

  constructor(what: string, cause: unknown) {
    super(`could not read ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "LiveReadError";
    this.what = what;
  }
}

/** The desired resources are inconsistent (duplicate address, unknown kind or dependency): found before any read. */
export class PlanConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid desired resources:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "PlanConfigError";
    this.problems = problems;
  }
}

/** A saved plan file is unreadable or not a plan of this version; each problem names the field. */
export class PlanFileError extends Error {
  readonly source: string;
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(`invalid plan file ${source}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "PlanFileError";
    this.source = source;
    this.problems = problems;
  }
}

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

/**
 * The approved plan is not what a fresh plan produces: Azure moved since it was made, it was edited, or the
 * configuration changed. Applying it would not do what was shown and approved, so nothing is written.
 */
export class StalePlanError extends Error {
  readonly mismatches: readonly PlanMismatch[];

  constructor(mismatches: readonly PlanMismatch[]) {
    const lines = mismatches.map((entry) => `  - ${entry.address}: ${entry.reason}`).join("\n");
    super(
      `the plan no longer matches Azure and the configuration; nothing was applied. Make a new plan and review it.\n${lines}`,
    );
    this.name = "StalePlanError";
    this.mismatches = mismatches;
  }
}
