export { type ApplyDeadlines, applyDeadlines } from "./apply-deadlines.ts";
export { applyEnvironment } from "./apply-environment.ts";
export type { ApplyLock, HeldLock } from "./apply-lock.ts";
export { reportApplyProgress } from "./apply-progress.ts";
export { type ApplyReport, applyFailed, applySummary } from "./apply-report.ts";
export { auditFormats, renderAuditReport } from "./audit-output.ts";
export { type AuditShard, type SubscriptionEstimate, splitIntoShards } from "./audit-shards.ts";
export {
  type SubscriptionAudit,
  type SubscriptionAuditRun,
  type SubscriptionRead,
  subscriptionAudit,
} from "./audit-subscriptions.ts";
export { azureApplyLock } from "./azure-apply-lock.ts";
export { combinePlans } from "./combine-plans.ts";
export { type ConfirmationRequest, confirmApply } from "./confirm-apply.ts";
export { forwardedFlags } from "./forwarded-flags.ts";
export { planMarkdown, publishToGitHub } from "./job-summary.ts";
export { type LocalTaskRuntimeOptions, localTaskRuntime, type TaskConnections } from "./local-task-runtime.ts";
export { planEnvironment } from "./plan-environment.ts";
export { printPlan } from "./plan-output.ts";
export { type Protection, protectionOf } from "./protection.ts";
export { applyWithConfirmation, parseConcurrency } from "./root-apply-flow.ts";
export { rootAuditCommand } from "./root-audit-command.ts";
export { rootPlanCommand } from "./root-plan-command.ts";
export { rootDestroyCommand, rootProvisionCommand } from "./root-provision-command.ts";
export { rootUnlockCommand } from "./root-unlock-command.ts";
export { runTask } from "./run-task.ts";
export { estimateSubscriptions } from "./subscription-estimates.ts";
export type { AuditScope, AuditTaskContext, TaskAudit, TaskAuditResult } from "./task-audit.ts";
export {
  type PreflightResult,
  provisioningOf,
  type TaskContext,
  type TaskDefinition,
  type TaskOutput,
  type TaskProvisioning,
} from "./task-definition.ts";
export { ApplyFailedError, AuditIncompleteError, PlanHasProblemsError } from "./task-errors.ts";
export type { TaskList } from "./task-list.ts";
export { planTask } from "./task-plan.ts";
export type { TaskAuditRequest, TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";
export { writeReport } from "./write-report.ts";
