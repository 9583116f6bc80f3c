import { describeError, type Progress } from "@infra/cli";
import type { ApplyProgressEvent } from "@infra/plan";

/**
 * One line per change as it ends: `done`, `FAILED` with the error's summary line (the ARM code and request id when
 * Azure refused), or `skipped` with why. Every apply (environments, the GitHub bootstrap) reports the same way.
 */
export function reportApplyProgress(progress: Progress | undefined, event: ApplyProgressEvent): void {
  const { action, address } = event.item;
  if (event.type === "succeeded") progress?.report(action, address, "done", event.durationMs);
  if (event.type === "failed") {
    const line = describeError(event.error, { verbose: false }).lines[0]?.replace(/^error: /, "") ?? "failed";
    progress?.report(action, address, `FAILED ${line}`, event.durationMs);
  }
  if (event.type === "skipped") progress?.report(action, address, `skipped: ${event.reason}`, 0);
}
