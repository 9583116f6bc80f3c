import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ConfigError, UsageError } from "@infra/cli";
import type { Plan } from "@infra/plan";

// What a root command checks of its flags' files and values before it starts anything or calls Azure: a problem
// found after a whole audit or a plan is a problem found too late.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--subscription ID` (repeatable): subscription ids are GUIDs. */
export function checkSubscriptionIds(values: readonly string[] | undefined): void {
  const wrong = (values ?? []).filter((value) => !GUID.test(value));
  if (wrong.length > 0) {
    throw new UsageError(
      `--subscription ${wrong.join(", ")}: a subscription id is a GUID like 00000000-0000-0000-0000-000000000000`,
    );
  }
}

/** A report or plan will be written to `path` (`--output`, `--out`): it must be possible, before the work starts. */
export async function checkWritable(flag: string, path: string | undefined): Promise<void> {
  if (path === undefined) return;
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new UsageError(`${flag} ${path}: not a regular file; name a file to write`);
  const where = existing ? target : dirname(target);
  const folder = existing ? undefined : await stat(where).catch(() => undefined);
  if (!existing && !folder?.isDirectory()) throw new UsageError(`${flag} ${path}: the folder ${where} does not exist`);
  await access(where, constants.W_OK).catch(() => {
    throw new UsageError(`${flag} ${path}: ${existing ? "the file" : `the folder ${where}`} is not writable`);
  });
}

/** `--plan PATH`: a saved plan, read and validated now; a bad file is a configuration error (exit 2). */
export async function readSavedPlan(path: string): Promise<Plan> {
  // The plan engine (and its file schema) loads for `--plan` only: an audit checks its flags here too.
  const { PlanFileError, readPlanFile } = await import("@infra/plan");
  try {
    return await readPlanFile(path);
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    throw new ConfigError(
      `--plan ${path}: not a plan this version can apply; make it again with \`pnpm run plan -- --out ${path}\``,
      error.problems.map((message) => ({ path, message })),
    );
  }
}
