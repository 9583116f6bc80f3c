import { ConfigError, type ConfigProblem } from "@infra/cli";
import type { z } from "zod";
import { type Environment, environmentSchema } from "./environment-schema.ts";

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

/** Validates raw environment data; every problem is reported at once, each with its path and the rule it broke. */
export function validateEnvironment(data: unknown, source: string): Environment {
  const result = environmentSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = problemsOf(result.error, source);
  throw new ConfigError(`${source}: ${problems.length} problem(s) in the environment`, problems);
}
