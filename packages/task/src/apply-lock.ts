import type { Plan } from "@infra/plan";

/** The lock while an apply holds it. */
export interface HeldLock {
  /** Aborts when the lock is taken away (broken on purpose, or lapsed): no change may start after that. */
  readonly lost: AbortSignal;
  /** Gives the lock back; safe to call more than once. */
  release(): Promise<void>;
}

/**
 * The environment's apply lock, as the apply needs it: held around every write, so two runs never change one
 * environment at once. `acquire` refuses at once (EnvironmentLockedError, naming the holder) rather than waiting: a
 * run's plan was made while the other was changing things.
 */
export interface ApplyLock {
  /**
   * Changes of the plan (by address) that must be applied before the lock can be taken: the lock's own home, on an
   * environment's first apply. Empty when the home exists.
   */
  prerequisites(plan: Plan, signal: AbortSignal): Promise<ReadonlySet<string>>;
  /** Changes that delete the lock's home (destroy): they run last, after the lock is given back. */
  homeDeletes(plan: Plan): ReadonlySet<string>;
  acquire(signal: AbortSignal): Promise<HeldLock>;
}
