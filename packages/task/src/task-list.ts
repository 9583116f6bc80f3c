import type { EnvironmentSection } from "@infra/environments";

/**
 * The tasks a root command runs, as `@infra/tasks` lists them: this package cannot import the tasks (they import it),
 * so whoever starts a root command hands it the list.
 */
export interface TaskList {
  /** The task packages by package name: turbo starts those with the command's script, and the root waits for each. */
  readonly packages: readonly string[];
  /**
   * The package of the list itself: its `audit` script runs every listed task's audit in one process (reads that share
   * one SDK pipeline and one token), where a plan or an apply starts one process per task.
   */
  readonly auditHost: string;
  /**
   * Loads every task's part of an environment: what an environment file may hold and how it is checked. A loader, so
   * a command that reads no environment (an audit of a subscription) never loads the schemas.
   */
  sections(): Promise<readonly EnvironmentSection[]>;
}
