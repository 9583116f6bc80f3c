import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CommonFlags } from "@infra/cli";
import { RESULT_DIR_VARIABLE } from "./task-results.ts";

/** A scratch directory for one root command: task results and the combined plan; removed afterwards. */
export async function withRunDirectory<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "infra-run-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The common flags as every task process must see them. turbo starts tasks in their package directories, so a
 * relative `--env-file` is made absolute against the directory the person ran the command in.
 */
export function forwardedFlags(flags: CommonFlags, cwd: string): string[] {
  return [
    ...(flags.env ? ["--env", flags.env] : []),
    ...(flags.envFile ? ["--env-file", resolve(cwd, flags.envFile)] : []),
    ...(flags.verbose ? ["--verbose"] : []),
  ];
}

export function taskEnvironment(env: NodeJS.ProcessEnv, dir: string): NodeJS.ProcessEnv {
  return { ...env, [RESULT_DIR_VARIABLE]: dir };
}
