export { applyOrder } from "./apply-order.ts";
export { type ApplyProgressEvent, type ApplyResult, applyChange, applyPlan, changeNodes } from "./apply-plan.ts";
export { comparePlans } from "./compare-plans.ts";
export { createPlan, type PlannedState, planWithLiveState } from "./create-plan.ts";
export { withContentProblems } from "./delete-contents.ts";
export type { DesiredResource, WireObject } from "./desired-resource.ts";
export { PlanFileError, PlanNotApplicableError, StalePlanError } from "./errors.ts";
export type { LiveResource } from "./live-resource.ts";
export {
  isOwnedBy,
  MANAGED_BY,
  OWNERSHIP_TAG_KEYS,
  type Ownership,
  ownershipFromTags,
  ownershipTags,
} from "./ownership.ts";
export {
  hasPendingChanges,
  PLAN_VERSION,
  type Plan,
  type PlanChange,
  type PlanContent,
  type PlanNote,
  type PlanProblem,
  type PlanSummary,
  summarizePlan,
  withNotes,
} from "./plan.ts";
export { readPlanFile, writePlanFile } from "./plan-file.ts";
export { valueAt } from "./property-path.ts";
export { renderPlanJson } from "./render-plan-json.ts";
export { renderPlanMermaid } from "./render-plan-mermaid.ts";
export { renderPlanText } from "./render-plan-text.ts";
export type { ReadLiveRequest, ResourceKind } from "./resource-kind.ts";
export {
  DEFAULT_CONCURRENCY,
  type DependencyNode,
  type RunResult,
  runInDependencyOrder,
} from "./run-in-dependency-order.ts";
