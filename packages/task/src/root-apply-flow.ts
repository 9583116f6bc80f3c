import type { ParseArgsOptionsConfig } from "node:util";
import { type CommandContext, DeclinedError, formatDuration, UsageError } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { hasPendingChanges, type Plan, type PlanSummary, renderPlanText, summarizePlan } from "@infra/plan";
import type { ApplyDeadlines } from "./apply-deadlines.ts";
import { applyEnvironment } from "./apply-environment.ts";
import { reportApplyProgress } from "./apply-progress.ts";
import { type ApplyReport, applyFailed, applySummary } from "./apply-report.ts";
import { ApplyDeadlineError } from "./apply-stops.ts";
import { commandEnvironment } from "./command-environment.ts";
import { confirmApply } from "./confirm-apply.ts";
import { publishToGitHub } from "./job-summary.ts";
import { protectionOf } from "./protection.ts";
import { ApplyFailedError, PlanHasProblemsError } from "./task-errors.ts";
import type { TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";

export interface ApplyFlowRequest {
  environment: Environment;
  plan: Plan;
  planRequest: TaskPlanRequest;
  runtimes: readonly TaskRuntime[];
  verb: "apply" | "destroy";
  confirmEnv: string | undefined;
  concurrency: number | undefined;
  deadlines: ApplyDeadlines;
}

interface ApplyFlowResult {
  plan: Plan;
  apply: ApplyReport | null;
}

/** `--concurrency N`: a whole number of at least 1. */
export function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const concurrency = Number(value);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency ${value}: must be a whole number of at least 1`);
  }
  return concurrency;
}

/**
 * Show the plan, ask once, apply it through every task in one schedule, summarise. With `--json` the plan is shown
 * on stderr and stdout gets one document: `{ plan, apply }`.
 */
export async function applyWithConfirmation<O extends ParseArgsOptionsConfig>(
  run: CommandContext<O>,
  request: ApplyFlowRequest,
): Promise<void> {
  const { plan, concurrency } = request;
  const color = !run.flags.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
  (run.flags.json ? run.stderr : run.stdout).write(`${renderPlanText(plan, { color })}\n`);
  if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
  if (!hasPendingChanges(plan)) {
    publishToGitHub(run.env, plan, undefined);
    if (run.flags.json) run.printResult<ApplyFlowResult>({ plan, apply: null });
    return;
  }
  const summary = summarizePlan(plan);
  const protection = protectionOf(request.environment, plan);
  if (protection.protected) run.log.info("%s is protected: %s", plan.environment, protection.reason);
  const confirmed = await confirmApply({
    action: `${confirmationAction(request.verb, summary)} in ${plan.environment}`,
    environment: plan.environment,
    protectedEnvironment: protection.protected,
    yes: run.flags.yes,
    confirmEnv: request.confirmEnv,
    input: process.stdin,
    output: process.stderr,
  });
  if (!confirmed) throw new DeclinedError();

  // Only provision and destroy sign in at the root, and only now: for the environment's lock (see azure-apply-lock.ts).
  const { azureApplyLock } = await import("./azure-apply-lock.ts");
  const lock = await azureApplyLock({
    environment: request.environment,
    command: request.verb === "destroy" ? "destroy" : "provision",
    env: commandEnvironment(run.flags, run.env),
    log: run.log,
    signal: run.signal,
  });
  const report = await applyEnvironment({
    approved: plan,
    planRequest: request.planRequest,
    runtimes: request.runtimes,
    lock,
    concurrency,
    signal: run.signal,
    deadlines: request.deadlines,
    onProgress: (event) => reportApplyProgress(run.progress, event),
    onWaiting: (waiting) => {
      if (waiting.length === 0) return;
      const longest = [...waiting].sort((a, b) => b.sinceMs - a.sinceMs).slice(0, 5);
      const more = waiting.length > longest.length ? ` (+${waiting.length - longest.length} more)` : "";
      const list = longest.map(
        ({ change, sinceMs }) => `${change.action} ${change.address} ${formatDuration(sinceMs)}`,
      );
      run.log.info("still waiting on Azure: %s%s", list.join(", "), more);
    },
  });
  publishToGitHub(run.env, plan, report);
  run.printResult<ApplyFlowResult>({ plan, apply: report }, () => applySummary(report));
  if (report.stoppedBy === "deadline") {
    throw new ApplyDeadlineError(
      formatDuration(request.deadlines.applyMs),
      report.failed.map((failure) => `${failure.action} ${failure.error}`),
    );
  }
  if (applyFailed(report)) throw new ApplyFailedError(report.failed.length, report.skipped.length);
}

/** What the question names: "apply 3 change(s)", "delete 21 resource(s)", "apply 2 change(s) and delete 1 resource(s)". */
function confirmationAction(verb: "apply" | "destroy", summary: PlanSummary): string {
  const writes = summary.create + summary.update;
  if (verb === "destroy" || writes === 0) return `delete ${summary.delete} resource(s)`;
  if (summary.delete === 0) return `apply ${writes} change(s)`;
  return `apply ${writes} change(s) and delete ${summary.delete} resource(s)`;
}
