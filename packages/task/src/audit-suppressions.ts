import { stat } from "node:fs/promises";
import { join } from "node:path";
import { readSuppressionFile, type Suppression, SuppressionFileError } from "@infra/audit";
import { ConfigError, UsageError } from "@infra/cli";

/** The repo's reviewed suppressions, beside the environments they apply to. */
export function defaultSuppressionFile(repoRoot: string): string {
  return join(repoRoot, "packages", "environments", "audit-suppressions.json");
}

/**
 * The suppressions the audit applies: a file named with `--suppressions` must exist and be valid; the repository's
 * default file may be absent. Read before the audit starts, so a broken file is found at once (exit 2), not after it.
 */
export async function loadSuppressions(path: string, named: boolean): Promise<Suppression[]> {
  if (
    named &&
    !(await stat(path).then(
      (found) => found.isFile(),
      () => false,
    ))
  ) {
    throw new UsageError(`--suppressions ${path}: no such file`);
  }
  try {
    return await readSuppressionFile(path);
  } catch (error) {
    if (!(error instanceof SuppressionFileError)) throw error;
    throw new ConfigError(
      `${path}: not a valid suppressions file`,
      error.problems.map((message) => ({ path, message })),
    );
  }
}
