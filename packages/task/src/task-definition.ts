import type { AzureContext } from "@infra/auth";
import type { Environment, EnvironmentSection } from "@infra/environments";
import type { DesiredResource, Plan, PlanNote, PlanProblem, ResourceKind } from "@infra/plan";
import type { TaskAudit } from "./task-audit.ts";

/** What a task may use while it plans or applies. */
export interface TaskContext {
  azure: AzureContext;
  environment: Environment;
  signal: AbortSignal;
}

export interface PreflightResult {
  problems?: PlanProblem[];
  notes?: PlanNote[];
}

/** A value a task publishes after apply: to `$GITHUB_OUTPUT` in Actions and to the apply summary. */
export interface TaskOutput {
  name: string;
  value: string;
}

/**
 * A task package's whole contribution to provisioning: the resource kinds it knows (how to read and write them in
 * ARM) and the resources an environment wants. `src/main.ts` is then one line: `await runTask(myTask)`.
 */
export interface TaskDefinition {
  /** Short, kebab-case; stamped into the ownership tag `task`. */
  name: string;
  summary: string;
  /**
   * The parts of the environment this task reads: its own sections and those of the tasks it builds on (storage reads
   * `resourceGroups` and `managedIdentities` too). Its process validates these; the root command validated the whole.
   */
  environmentSections: readonly EnvironmentSection[];
  /** Resource kinds this task provisions; a task that only audits returns none. */
  kinds(context: TaskContext): ResourceKind[];
  /** What the environment wants, in ARM wire shape. May read Azure (an identity's principal id), never write. */
  desired(context: TaskContext): DesiredResource[] | Promise<DesiredResource[]>;
  /** The task's audit (`audit` phase), when it has rules. */
  audit?: TaskAudit;
  /**
   * Checks that need Azure but change nothing (e.g. global name availability). Problems block the plan; notes say what
   * could not be checked (the identity may not run the check) and are shown with it.
   */
  preflight?(plan: Plan, context: TaskContext): Promise<PreflightResult>;
  /** Values worth publishing after a successful apply (account names, endpoints). */
  outputs?(plan: Plan, context: TaskContext): Promise<TaskOutput[]>;
}
