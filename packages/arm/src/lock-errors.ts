import { CliError, ExitCode } from "@infra/cli";
import type { LockHolder } from "./lock-holder.ts";

function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return "another run (it did not say who)";
  const run = holder.run ? `, ${holder.run}` : "";
  return `${holder.command} by ${holder.principal} on ${holder.host} (pid ${holder.pid}${run}), since ${holder.since}`;
}

/** Another run holds the environment's lock: this one refuses rather than interleave its writes. */
export class EnvironmentLockedError extends CliError {
  readonly holder: LockHolder | undefined;

  constructor(environment: string, holder: LockHolder | undefined, until: string) {
    super(
      `environment "${environment}" is being changed by ${describeHolder(holder)}; nothing was changed. ` +
        `Wait for it to finish and run again. Its lock ${until}; if that run is gone for good, ` +
        `\`pnpm run unlock -- --env ${environment}\` breaks it now`,
      ExitCode.failure,
    );
    this.name = "EnvironmentLockedError";
    this.holder = holder;
  }
}

/** The lock was taken from this run (broken with `unlock`, or expired): it stops starting changes. */
export class LockLostError extends CliError {
  constructor(environment: string, cause: unknown) {
    super(
      `the lock on environment "${environment}" was lost (broken on purpose, or not renewed in time); ` +
        "no further change was started. Run again to finish (apply converges)",
      ExitCode.failure,
      { cause },
    );
    this.name = "LockLostError";
  }
}

export { describeHolder };
