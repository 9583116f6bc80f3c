import { ConfigError } from "@infra/cli";
import type { EnvironmentSection } from "../src/environment-section.ts";
import { validateEnvironment } from "../src/validate-environment.ts";

/**
 * Every problem validation reports for `data` read with `sections`, as `path: message` lines; none for a valid
 * environment. For the table-driven tests of a task's sections.
 */
export function configProblems(data: unknown, sections: readonly EnvironmentSection[]): string[] {
  try {
    validateEnvironment(data, "env.json", sections);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}
