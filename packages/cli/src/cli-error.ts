import type { ExitCode } from "./exit-codes.ts";

/** Base of every error that knows its own exit code; anything else that escapes a command exits 1. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
