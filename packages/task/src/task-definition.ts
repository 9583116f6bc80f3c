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

/** A task's part of provisioning: the resource kinds it knows (how to read and write them in ARM) and what it wants. */
export interface TaskProvisioning {
  /** Resource kinds this task provisions. */
  kinds(context: TaskContext): ResourceKind[];
  /** What the environment wants, in ARM wire shape. May read Azure (an identity's principal id), never write. */
  desired(context: TaskContext): DesiredResource[] | Promise<DesiredResource[]>;
  /**
   * Checks that need Azure but change nothing (e.g. global name availability). Problems block the plan; notes say what
   * could not be checked (the identity may not run the check) and are shown with it.
   */
  preflight?(plan: Plan, context: TaskContext): Promise<PreflightResult>;
  /** Values worth publishing after a successful apply (account names, endpoints). */
  outputs?(plan: Plan, context: TaskContext): Promise<TaskOutput[]>;
}

/**
 * A task package's whole contribution: what it is and reads, and loaders for its two modes. `src/main.ts` is then one
 * line: `await runTask(myTask)`. The loaders `import()` their modules when called, so a process loads the ARM clients of
 * the mode it runs only: an audit never loads the kinds, a plan never loads the audit's collectors.
 */
export interface TaskDefinition {
  /** Short, kebab-case; stamped into the ownership tag `task`. */
  name: string;
  summary: string;
  /**
   * Loads the parts of the environment this task reads: its own sections and those of the tasks it builds on (storage
   * reads `resourceGroups` and `managedIdentities` too). Its process validates these when it reads an environment file;
   * the root command validated the whole. A loader, like the modes: an audit of a subscription reads no environment,
   * and its process never loads the schemas.
   */
  environmentSections(): Promise<readonly EnvironmentSection[]>;
  /** Loads the task's provisioning (`plan`, `apply`); a task that only audits has none, and plans nothing. */
  provisioning?(): Promise<TaskProvisioning>;
  /** Loads the task's audit (`audit` phase), when it has rules. */
  audit?(): Promise<TaskAudit>;
}

const NOTHING_TO_PROVISION: TaskProvisioning = { kinds: () => [], desired: () => [] };

/** A task's provisioning, loaded; a task without one provisions nothing. */
export async function provisioningOf(definition: TaskDefinition): Promise<TaskProvisioning> {
  return definition.provisioning ? definition.provisioning() : NOTHING_TO_PROVISION;
}
