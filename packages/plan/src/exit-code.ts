import { ExitCode } from "@infra/cli";
import type { ApplyResult } from "./apply-plan.ts";
import { hasPendingChanges, type Plan } from "./plan.ts";

/**
 * `plan`: 1 when the plan has problems (it cannot be applied); with `--detailed-exitcode` 3 when changes are
 * pending; else 0. Orphans kept without `--prune` are not pending changes.
 */
export function planExitCode(plan: Plan, options: { readonly detailedExitcode?: boolean } = {}): ExitCode {
  if (plan.problems.length > 0) return ExitCode.failure;
  if (options.detailedExitcode && hasPendingChanges(plan)) return ExitCode.needsAttention;
  return ExitCode.ok;
}

/** `apply`: 1 when any change failed (failures outrank an interruption: they need reading), 130 when interrupted. */
export function applyExitCode(result: ApplyResult): ExitCode {
  if (result.failed.length > 0) return ExitCode.failure;
  if (result.interrupted) return ExitCode.interrupted;
  return ExitCode.ok;
}
