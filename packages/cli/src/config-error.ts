import { CliError } from "./cli-error.ts";
import { ExitCode } from "./exit-codes.ts";

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
