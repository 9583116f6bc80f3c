import { CliError } from "./cli-error.ts";
import { ExitCode } from "./exit-codes.ts";

/** The run was stopped by the user (Ctrl-C) or by an abort; not a failure of the work itself. */
export class InterruptedError extends CliError {
  constructor(message = "interrupted", options?: ErrorOptions) {
    super(message, ExitCode.interrupted, options);
    this.name = "InterruptedError";
  }
}
