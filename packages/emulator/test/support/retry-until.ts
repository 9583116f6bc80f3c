import { setTimeout as sleep } from "node:timers/promises";

/**
 * Calls `attempt` until it resolves, as a client surviving an eventually consistent service would, and returns its
 * value with every error it threw before. Throws the last error once `deadlineMs` has passed.
 */
export async function retryUntil<T>(
  attempt: () => Promise<T>,
  deadlineMs = 20_000,
): Promise<{ value: T; failures: unknown[] }> {
  const failures: unknown[] = [];
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return { value: await attempt(), failures };
    } catch (error) {
      failures.push(error);
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/** Calls `probe` until `done` holds for its value; returns the values seen, the last one satisfying `done`. */
export async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 20_000) {
  const seen: T[] = [];
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    seen.push(value);
    if (done(value)) return seen;
    if (Date.now() > deadline) throw new Error(`pollUntil: not done after ${deadlineMs} ms`);
    await sleep(50);
  }
}
