import { formatDuration } from "@infra/cli";
import type { TaskOutput } from "./task-definition.ts";

/** What one task's apply did, change by change: the root command merges these into one summary. */
export interface TaskApplyReport {
  task: string;
  succeeded: { address: string; action: string; durationMs: number }[];
  failed: { address: string; action: string; error: string }[];
  skipped: { address: string; action: string; reason: string }[];
  outputs: TaskOutput[];
  interrupted: boolean;
}

export function applyFailed(reports: readonly TaskApplyReport[]): boolean {
  return reports.some((report) => report.failed.length > 0 || report.skipped.length > 0);
}

/** "Apply complete: 5 changed, 0 failed, 0 skipped." plus one line per failure and skip. */
export function applySummary(reports: readonly TaskApplyReport[]): string {
  const succeeded = reports.flatMap((report) => report.succeeded);
  const failed = reports.flatMap((report) => report.failed);
  const skipped = reports.flatMap((report) => report.skipped);
  const lines: string[] = [];
  for (const failure of failed) lines.push(`  ! ${failure.action} ${failure.address}: ${failure.error}`);
  for (const skip of skipped) lines.push(`  - ${skip.action} ${skip.address} skipped: ${skip.reason}`);
  const slowest = Math.max(0, ...succeeded.map((change) => change.durationMs));
  const verdict = failed.length + skipped.length === 0 ? "Apply complete" : "Apply finished with failures";
  const timing = succeeded.length > 0 ? ` (slowest change ${formatDuration(slowest)}).` : ".";
  lines.push(`${verdict}: ${succeeded.length} changed, ${failed.length} failed, ${skipped.length} skipped${timing}`);
  if (reports.some((report) => report.interrupted)) {
    lines.push("Interrupted: changes not started were left for the next run.");
  }
  return lines.join("\n");
}
