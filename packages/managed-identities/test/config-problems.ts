import { ConfigError } from "@infra/cli";
import { validateEnvironment } from "@infra/environments";
import { managedIdentitiesTask } from "../src/task.ts";

/** Every problem validation reports for `data`, as `path: message` lines; none for a valid environment. */
export function problems(data: unknown): string[] {
  try {
    validateEnvironment(data, "env.json", managedIdentitiesTask.environmentSections);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}
