import type { ApplyResult } from "./apply-plan.ts";
import { hasPendingChanges, type Plan } from "./plan.ts";

/** The plan/apply exit codes, as in the README's exit code table. */
export const PLAN_EXIT_CODES = { ok: 0, failed: 1, changesPending: 3, interrupted: 130 } as const;

/**
 * `plan`: 1 when the plan has problems (it cannot be applied); with `--detailed-exitcode` 3 when changes are
 * pending; else 0. Orphans kept without `--prune` are not pending changes.
 */
export function planExitCode(plan: Plan, options: { readonly detailedExitcode?: boolean } = {}): 0 | 1 | 3 {
  if (plan.problems.length > 0) return PLAN_EXIT_CODES.failed;
  if (options.detailedExitcode && hasPendingChanges(plan)) return PLAN_EXIT_CODES.changesPending;
  return PLAN_EXIT_CODES.ok;
}

/** `apply`: 1 when any change failed (failures outrank an interruption: they need reading), 130 when interrupted. */
export function applyExitCode(result: ApplyResult): 0 | 1 | 130 {
  if (result.failed.length > 0) return PLAN_EXIT_CODES.failed;
  if (result.interrupted) return PLAN_EXIT_CODES.interrupted;
  return PLAN_EXIT_CODES.ok;
}
