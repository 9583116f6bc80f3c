export { applyFailed, applySummary, type TaskApplyReport } from "./apply-report.ts";
export { applyTaskPart } from "./apply-task-part.ts";
export { auditFormats, renderAuditReport } from "./audit-output.ts";
export { combinePlans } from "./combine-plans.ts";
export { planAllTasks } from "./combined-plan.ts";
export { type ConfirmationRequest, confirmApply } from "./confirm-apply.ts";
export {
  EnvironmentLockedError,
  type EnvironmentLockHolder,
  type EnvironmentLockKey,
  environmentLockPath,
  withEnvironmentLock,
} from "./environment-lock.ts";
export { planMarkdown, publishToGitHub } from "./job-summary.ts";
export { printPlan } from "./plan-output.ts";
export { ApplyCancelledError, applyWithConfirmation } from "./root-apply-flow.ts";
export { rootAuditCommand } from "./root-audit-command.ts";
export { rootPlanCommand } from "./root-plan-command.ts";
export { rootDestroyCommand, rootProvisionCommand } from "./root-provision-command.ts";
export { runTask } from "./run-task.ts";
export { runTaskPhase, TaskPhaseError } from "./run-task-phase.ts";
export { runTurbo, type TurboRun } from "./run-turbo.ts";
export type { AuditScope, AuditTaskContext, TaskAudit, TaskAuditResult } from "./task-audit.ts";
export type { PreflightResult, TaskContext, TaskDefinition, TaskOutput } from "./task-definition.ts";
export { ApplyFailedError, AuditIncompleteError, PlanHasProblemsError } from "./task-errors.ts";
export { planTask, type TaskPlanOptions, taskPart } from "./task-plan.ts";
export {
  RESULT_DIR_VARIABLE,
  readTaskResults,
  type TaskPhase,
  type TaskResult,
  writeTaskResult,
} from "./task-results.ts";
export { forwardedFlags, withRunDirectory } from "./task-run-directory.ts";
