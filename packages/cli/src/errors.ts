import { ExitCode } from "./exit-codes.ts";

/** Base of every error that knows its own exit code; anything else that escapes a command exits 1. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** One thing wrong in a configuration input, located so a person can go straight to it. */
export interface ConfigProblem {
  /** Where: a file plus a dotted path, e.g. `environments/dev.json: storage.accounts[0].name`. */
  path: string;
  message: string;
}

/** Configuration is invalid, found before any call to Azure. Every problem is printed, not just the first. */
export class ConfigError extends CliError {
  readonly problems: readonly ConfigProblem[];

  constructor(message: string, problems: readonly ConfigProblem[] = [], options?: ErrorOptions) {
    super(message, ExitCode.config, options);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

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

/** The command line itself is wrong; the command's usage is printed after the message. */
export class UsageError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, ExitCode.usage, options);
    this.name = "UsageError";
  }
}
