// Runs root commands (`pnpm run plan|provision|...`) as a person does; shared by the e2e and hardening suites.
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "..", "..", "..");

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RootCommandOptions {
  env: Record<string, string>;
  /** Another checkout of the repository to run in (default: this one). */
  cwd?: string;
  /** Called with the stderr seen so far; return true to SIGKILL the whole process group (crash tests). */
  killWhen?: (stderr: string) => boolean;
}

/** `pnpm run <command> -- <args>` from the repository root, exactly as a person types it. */
export function runRoot(command: string, args: readonly string[], options: RootCommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", ["run", "--silent", command, "--", ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env, TURBO_TELEMETRY_DISABLED: "1", CI: "true", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.killWhen?.(stderr) && child.pid !== undefined) {
        options.killWhen = undefined;
        process.kill(-child.pid, "SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export async function writeEnvironmentFile(environment: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "e2e-env-"));
  const path = join(dir, "environment.json");
  await writeFile(path, `${JSON.stringify(environment, null, 2)}\n`);
  return path;
}
