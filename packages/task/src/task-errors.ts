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

/** Some resources could not be evaluated: the audit is incomplete and must not look clean. */
export class AuditIncompleteError extends CliError {
  constructor(errors: number) {
    super(
      `${errors} check(s) could not be evaluated (see the error findings); the audit is incomplete. Fix access or retry, or pass --allow-incomplete`,
      ExitCode.failure,
    );
    this.name = "AuditIncompleteError";
  }
}
