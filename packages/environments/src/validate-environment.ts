import { ConfigError, type ConfigProblem } from "@infra/cli";
import type { z } from "zod";
import { type ComposeOptions, type Environment, environmentSchemaFor } from "./environment-schema.ts";
import type { EnvironmentSection } from "./environment-section.ts";

/** `storage.accounts[2].name` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

function problemsOf(error: z.ZodError, source: string): ConfigProblem[] {
  return error.issues.map((issue) => {
    const where = formatPath(issue.path) || "(top level)";
    // Unknown keys: name them, and say what to do, rather than zod's generic wording.
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((key) => `"${key}"`).join(", ");
      return { path: `${source}: ${where}`, message: `unknown key ${keys}; remove it or check its spelling` };
    }
    return { path: `${source}: ${where}`, message: issue.message };
  });
}

/**
 * Validates raw environment data against the base fields and `sections`; every problem is reported at once, each with
 * its path and the rule it broke.
 */
export function validateEnvironment(
  data: unknown,
  source: string,
  sections: readonly EnvironmentSection[],
  options: ComposeOptions = {},
): Environment {
  const result = environmentSchemaFor(sections, options).safeParse(data);
  if (result.success) return result.data;
  const problems = problemsOf(result.error, source);
  throw new ConfigError(`${source}: ${problems.length} problem(s) in the environment`, problems);
}
