import { join } from "node:path";
import type { ParseArgsOptionsConfig } from "node:util";
// The clouds alone: the root process never signs in (the tasks do), so it does not load @azure/identity.
import { resolveCloud } from "@infra/auth/clouds";
import { CliError, type CommandContext, ExitCode } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { hasPendingChanges, type Plan, renderPlanText, summarizePlan, writePlanFile } from "@infra/plan";
import { applyFailed, applySummary, type TaskApplyReport } from "./apply-report.ts";
import { confirmApply } from "./confirm-apply.ts";
import { withEnvironmentLock } from "./environment-lock.ts";
import { publishToGitHub } from "./job-summary.ts";
import { runTaskPhase } from "./run-task-phase.ts";
import { ApplyFailedError, PlanHasProblemsError } from "./task-errors.ts";
import { forwardedFlags } from "./task-run-directory.ts";

/** The person said no: nothing was changed. */
export class ApplyCancelledError extends CliError {
  constructor() {
    super("cancelled: nothing was changed", ExitCode.failure);
    this.name = "ApplyCancelledError";
  }
}

export interface ApplyFlowRequest {
  environment: Environment;
  plan: Plan;
  /** turbo task that applies: `apply` (dependency order) or `destroy` (reverse order). */
  turboTask: "apply" | "destroy";
  verb: string;
  confirmEnv: string | undefined;
  concurrency: string | undefined;
  dir: string;
  repoRoot: string;
  cwd: string;
}

interface ApplyFlowResult {
  plan: Plan;
  apply: TaskApplyReport[] | null;
}

/**
 * Show the plan, ask once, apply it through every task in order, summarise. With `--json` the plan is shown on stderr
 * and stdout gets one document: `{ plan, apply }`.
 *
 * The apply phase holds the environment's lock (`withEnvironmentLock`: cloud + subscription + environment): a second
 * provision or destroy of the same environment started meanwhile refuses with exit 1, naming the running one, and
 * changes nothing. It refuses rather than waits because its plan was made while the first was changing things.
 */
export async function applyWithConfirmation<O extends ParseArgsOptionsConfig>(
  run: CommandContext<O>,
  request: ApplyFlowRequest,
): Promise<void> {
  const { plan } = request;
  const color = !run.flags.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
  (run.flags.json ? run.stderr : run.stdout).write(`${renderPlanText(plan, { color })}\n`);
  if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
  if (!hasPendingChanges(plan)) {
    publishToGitHub(run.env, plan, undefined);
    if (run.flags.json) run.printResult<ApplyFlowResult>({ plan, apply: null });
    return;
  }
  const summary = summarizePlan(plan);
  const confirmed = await confirmApply({
    action: `${request.verb} ${summary.create + summary.update + summary.delete} change(s) in ${plan.environment}`,
    environment: plan.environment,
    protectedEnvironment: request.environment.protected,
    yes: run.flags.yes,
    confirmEnv: request.confirmEnv,
    input: process.stdin,
    output: process.stderr,
  });
  if (!confirmed) throw new ApplyCancelledError();

  const lockKey = {
    resourceManagerEndpoint: resolveCloud(run.env).resourceManagerEndpoint,
    subscriptionId: plan.subscriptionId,
    environment: plan.environment,
  };
  const planFile = join(request.dir, "plan.json");
  await writePlanFile(planFile, plan);
  const results = await withEnvironmentLock(
    lockKey,
    { command: request.turboTask === "destroy" ? "destroy" : "provision" },
    () =>
      runTaskPhase<TaskApplyReport>({
        turboTask: request.turboTask,
        phase: "apply",
        args: [
          ...forwardedFlags(run.flags, request.cwd),
          "--plan",
          planFile,
          ...(request.concurrency ? ["--concurrency", request.concurrency] : []),
        ],
        dir: request.dir,
        repoRoot: request.repoRoot,
        env: run.env,
        signal: run.signal,
        outputLogs: "full",
        verbose: run.flags.verbose,
      }),
  );
  const reports = results.flatMap((result) => (result.data ? [result.data] : []));
  publishToGitHub(run.env, plan, reports);
  run.printResult<ApplyFlowResult>({ plan, apply: reports }, () => applySummary(reports));
  if (applyFailed(reports)) {
    throw new ApplyFailedError(
      reports.reduce((sum, report) => sum + report.failed.length, 0),
      reports.reduce((sum, report) => sum + report.skipped.length, 0),
    );
  }
}
