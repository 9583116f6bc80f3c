import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Tasks run by turbo hand their results to the root command through files in one directory (INFRA_RESULT_DIR),
 * because turbo's own output shares their stdout. One file per task and phase: `<phase>.<task>.json`.
 */
export const RESULT_DIR_VARIABLE = "INFRA_RESULT_DIR";

export type TaskPhase = "plan" | "apply" | "audit" | "destroy";

export interface TaskResult<T> {
  task: string;
  phase: TaskPhase;
  /** The exit code the task would have had on its own (the root command decides the final one). */
  exitCode: number;
  /** One line per failure, already redacted, for the combined summary. */
  errors: string[];
  data: T | null;
}

export async function writeTaskResult<T>(dir: string, result: TaskResult<T>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${result.phase}.${result.task}.json`), `${JSON.stringify(result)}\n`);
}

export async function readTaskResults<T>(dir: string, phase: TaskPhase): Promise<TaskResult<T>[]> {
  const names = (await readdir(dir)).filter((name) => name.startsWith(`${phase}.`) && name.endsWith(".json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as TaskResult<T>));
}
