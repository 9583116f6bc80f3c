import type { Plan } from "@infra/plan";
import type { TaskAuditResult } from "./task-audit.ts";
import type { TaskOutput } from "./task-definition.ts";

/** What a plan covers: the configuration against Azure, optionally pruning leftovers, or the removal of everything. */
export interface TaskPlanRequest {
  /** Delete owned resources that left the configuration. */
  readonly prune: boolean;
  /** Plan the removal of everything this task owns in the environment. */
  readonly destroy: boolean;
  /**
   * Run the task's preflight checks (global name availability...). Default true; off for the re-check just before an
   * apply, which compares the plan's changes and needs no second round of checks.
   */
  readonly preflight?: boolean;
}

export interface TaskApplyOptions {
  /** How long the change's operation may take before it is abandoned. */
  readonly deadlineMs?: number | undefined;
}

/**
 * What to audit. From the root command: the scope it resolved and checked once (`resolved`), which the task audits
 * as it is. From a task run on its own: its `--subscription` and `--resource-group`, which it resolves itself.
 */
export interface TaskAuditRequest {
  readonly subscriptions?: readonly string[] | undefined;
  readonly resourceGroup?: string | undefined;
  readonly resolved?: boolean | undefined;
}

/**
 * One task as the root command drives it, wherever it runs: in its own process started by turbo (the usual case,
 * reached over the task session) or in this process (tests). The root command holds the only schedule: a task
 * plans when asked, and writes one change when told to, never on its own.
 */
export interface TaskRuntime {
  readonly task: string;
  /** A fresh plan of this task's part: reads live state now and keeps it for the writes that follow. */
  plan(request: TaskPlanRequest): Promise<Plan>;
  /** Carries out one change of this task's latest fresh plan, by address, giving up after `deadlineMs`. */
  apply(address: string, options?: TaskApplyOptions): Promise<void>;
  /** Gives up on every change in flight now (the run is stopping): each fails naming its operation. */
  abandon(reason: string): Promise<void>;
  /** Values worth publishing after a successful apply. */
  outputs(): Promise<TaskOutput[]>;
  audit(request: TaskAuditRequest): Promise<TaskAuditResult>;
}
