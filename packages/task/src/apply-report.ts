import { formatDuration } from "@infra/cli";
import type { TaskOutput } from "./task-definition.ts";

/** What an apply did, change by change, across every task. */
export interface ApplyReport {
  succeeded: { address: string; action: string; durationMs: number }[];
  failed: { address: string; action: string; error: string }[];
  skipped: { address: string; action: string; reason: string }[];
  outputs: TaskOutput[];
  interrupted: boolean;
  /** Why the apply stopped before its end, when it did: a signal, its deadline, or its lock lost. */
  stoppedBy?: "signal" | "deadline" | "lock" | undefined;
}

export function applyFailed(report: ApplyReport): boolean {
  return report.failed.length > 0 || report.skipped.length > 0;
}

/** "Apply complete: 5 changed, 0 failed, 0 skipped." plus one line per failure and skip. */
export function applySummary(report: ApplyReport): string {
  const { succeeded, failed, skipped } = report;
  const lines: string[] = [];
  for (const failure of failed) lines.push(`  ! ${failure.action} ${failure.address}: ${failure.error}`);
  for (const skip of skipped) lines.push(`  - ${skip.action} ${skip.address} skipped: ${skip.reason}`);
  const slowest = Math.max(0, ...succeeded.map((change) => change.durationMs));
  const verdict = failed.length + skipped.length === 0 ? "Apply complete" : "Apply finished with failures";
  const timing = succeeded.length > 0 ? ` (slowest change ${formatDuration(slowest)}).` : ".";
  lines.push(`${verdict}: ${succeeded.length} changed, ${failed.length} failed, ${skipped.length} skipped${timing}`);
  if (report.interrupted) lines.push("Interrupted: changes not started were left for the next run.");
  return lines.join("\n");
}
