import { CliError } from "./cli-error.ts";
import { ExitCode } from "./exit-codes.ts";

/** The command line itself is wrong; the command's usage is printed after the message. */
export class UsageError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, ExitCode.usage, options);
    this.name = "UsageError";
  }
}
