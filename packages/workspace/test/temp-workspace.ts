import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./repo-root.ts";

export const run = promisify(execFile);

/** The environment for child pnpm/turbo runs: no telemetry notice, no network (the pnpm store has everything). */
export const quietEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_offline: "true", CI: "true" };

/**
 * A copy of this repository without node_modules, installed offline from the local pnpm store, so a test can add a
 * package or plant an error without disturbing the checkout that other tests are running in.
 */
export async function copyWorkspace(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "infra-workspace-"));
  await cp(repoRoot, dir, {
    recursive: true,
    filter: (source) => !/(^|\/)(node_modules|\.turbo|\.git)(\/|$)/.test(source.slice(repoRoot.length)),
  });
  await run("pnpm", ["install", "--offline", "--frozen-lockfile", "--silent"], { cwd: dir, env: quietEnv });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
