import type { PlanMismatch } from "./compare-plans.ts";

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
