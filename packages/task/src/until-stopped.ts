import { InterruptedError } from "@infra/cli";

/**
 * `work`, unless the run is stopped first (a signal): then the caller stops waiting at once and ends the task session,
 * which ends the work in the task processes. Writes never go through here: the apply's schedule stops those itself.
 */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  const stopped = () =>
    signal.reason instanceof Error ? signal.reason : new InterruptedError(`stopped while ${what}`);
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(stopped());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
