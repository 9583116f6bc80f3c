import { CliError } from "./cli-error.ts";
import { ExitCode } from "./exit-codes.ts";

/** The signals a run stops cleanly on, and the code each one ends with. */
export const STOP_SIGNALS = {
  SIGINT: ExitCode.interrupted,
  SIGTERM: ExitCode.terminated,
  SIGHUP: ExitCode.hangup,
} as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** The run was stopped by a person or a CI runner (a signal) or by an abort; not a failure of the work itself. */
export class InterruptedError extends CliError {
  readonly signal: StopSignal;

  constructor(message = "interrupted", options?: ErrorOptions & { signal?: StopSignal }) {
    const signal = options?.signal ?? "SIGINT";
    super(message, STOP_SIGNALS[signal], options);
    this.name = "InterruptedError";
    this.signal = signal;
  }
}

/** The person answered no: nothing was changed. Its own code, so a script can tell it from a failure. */
export class DeclinedError extends CliError {
  constructor(message = "declined: nothing was changed") {
    super(message, ExitCode.declined);
    this.name = "DeclinedError";
  }
}
