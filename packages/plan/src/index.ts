export { applyOrder } from "./apply-order.ts";
export {
  type ApplyOptions,
  type ApplyProgressEvent,
  type ApplyResult,
  applyChange,
  applyPlan,
  changeNodes,
} from "./apply-plan.ts";
export { type ClassifyInput, classifyChanges } from "./classify-changes.ts";
export { comparePlans, type PlanMismatch } from "./compare-plans.ts";
export { type CreatePlanInput, createPlan, type PlannedState, planWithLiveState } from "./create-plan.ts";
export { contentProblems, withContentProblems } from "./delete-contents.ts";
export type { DesiredResource, WireObject } from "./desired-resource.ts";
export { diffProperties } from "./diff-properties.ts";
export {
  DependencyCycleError,
  LiveReadError,
  PlanConfigError,
  PlanFileError,
  PlanNotApplicableError,
  StalePlanError,
} from "./errors.ts";
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
  type ChangeAction,
  hasPendingChanges,
  PLAN_VERSION,
  type Plan,
  type PlanChange,
  type PlanContent,
  type PlanNote,
  type PlanOrphan,
  type PlanProblem,
  type PlanProblemCode,
  type PlanSummary,
  summarizePlan,
  withNotes,
} from "./plan.ts";
export { parsePlan, readPlanFile, serializePlan, writePlanFile } from "./plan-file.ts";
export type { PropertyChange } from "./property-change.ts";
export { valueAt } from "./property-path.ts";
export { type PlanJson, type PlanJsonChange, renderPlanJson } from "./render-plan-json.ts";
export { type RenderMermaidOptions, renderPlanMermaid } from "./render-plan-mermaid.ts";
export { type RenderTextOptions, renderPlanText } from "./render-plan-text.ts";
export type { DiffRules, KindRules, ReadLiveRequest, ResourceKind } from "./resource-kind.ts";
export {
  DEFAULT_CONCURRENCY,
  type DependencyNode,
  type ProgressEvent,
  type RunOptions,
  type RunResult,
  runInDependencyOrder,
} from "./run-in-dependency-order.ts";
export { isSecretPath } from "./secret-paths.ts";
