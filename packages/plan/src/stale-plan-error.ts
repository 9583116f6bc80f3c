export interface StaleChange {
  readonly address: string;
  readonly id: string;
  readonly reason: string;
}

/** Live state moved since the plan was made: applying it now would not do what was shown and approved. */
export class StalePlanError extends Error {
  readonly stale: readonly StaleChange[];

  constructor(stale: readonly StaleChange[]) {
    const lines = stale.map((entry) => `  - ${entry.address}: ${entry.reason}`).join("\n");
    super(`the live state changed since the plan was made; nothing was applied. Make a new plan.\n${lines}`);
    this.name = "StalePlanError";
    this.stale = stale;
  }
}
