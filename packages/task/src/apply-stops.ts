import { CliError, ExitCode } from "@infra/cli";

/** Why an operation in flight was given up on; Azure may still finish it, and a re-run converges either way. */
export class OperationAbandonedError extends CliError {
  readonly address: string;
  readonly operationUrl: string | undefined;

  constructor(address: string, why: string, operationUrl: string | undefined) {
    const where = operationUrl ? `; its operation: ${operationUrl}` : "";
    super(`${why}${where}; Azure may still finish it, and running again converges`, ExitCode.failure);
    this.name = "OperationAbandonedError";
    this.address = address;
    this.operationUrl = operationUrl;
  }
}

/** The whole apply ran out of time: what was still waiting is listed with its operation. */
export class ApplyDeadlineError extends CliError {
  constructor(deadline: string, waiting: readonly string[]) {
    super(
      `the apply did not finish within ${deadline}; nothing new was started, and ${waiting.length} operation(s) were abandoned:\n${waiting.map((line) => `  - ${line}`).join("\n")}\nRun again to finish (apply converges), or raise --timeout`,
      ExitCode.failure,
    );
    this.name = "ApplyDeadlineError";
  }
}
