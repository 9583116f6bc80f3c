import { CliError, ExitCode } from "@infra/cli";

/** The plan was printed, but it cannot be applied as configured (problems listed in it). */
export class PlanHasProblemsError extends CliError {
  constructor(count: number) {
    super(`the plan has ${count} problem(s) and cannot be applied; fix them and plan again`, ExitCode.failure);
    this.name = "PlanHasProblemsError";
  }
}

/** Some changes failed or were skipped; the summary above lists each. */
export class ApplyFailedError extends CliError {
  constructor(failed: number, skipped: number) {
    super(
      `${failed} change(s) failed and ${skipped} were skipped; fix the cause and run again (apply converges)`,
      ExitCode.failure,
    );
    this.name = "ApplyFailedError";
  }
}
