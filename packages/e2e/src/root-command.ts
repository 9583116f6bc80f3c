// Runs root commands (`pnpm run plan|provision|...`) as a person does; shared by the e2e and protection suites.
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

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
  /**
   * Once the output seen so far satisfies `when`, send `signal` to the root command's own process, as a CI runner
   * cancelling a job does (pnpm and the shell it runs the script through are left to pass the exit code on).
   */
  signalRoot?: { when: (output: string) => boolean; signal: NodeJS.Signals };
  /**
   * Run on a terminal (a pseudo-terminal made by `script`), typing `answer` once the output shows `when`. stdout and
   * stderr then arrive together, as a person sees them, in `stdout`.
   */
  terminal?: { when: RegExp; answer: string };
}

/** The script a root command runs (`scripts/infra.ts`, `packages/auth/src/main.ts`), to find its process. */
function scriptOf(command: string): string {
  const scripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<string, string>;
  const script = scripts[command]?.split(" ").find((word) => word.endsWith(".ts"));
  if (!script) throw new Error(`package.json has no TypeScript script for ${command}`);
  return script;
}

/** The root command's process in pnpm's process group: the last started that runs its script. */
async function rootProcessOf(command: string, group: number): Promise<number> {
  const { stdout } = await promisify(execFile)("pgrep", ["-g", String(group), "-f", scriptOf(command)]);
  return Number(stdout.trim().split("\n").at(-1));
}

const shellQuoted = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** `pnpm run <command> -- <args>` from the repository root, exactly as a person types it. */
export function runRoot(command: string, args: readonly string[], options: RootCommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const pnpm = ["pnpm", "run", "--silent", command, "--", ...args];
    const { terminal, signalRoot } = options;
    const [file, ...argv] = terminal ? ["script", "-qec", pnpm.map(shellQuoted).join(" "), "/dev/null"] : pnpm;
    const child = spawn(file as string, argv, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env, TURBO_TELEMETRY_DISABLED: "1", CI: "true", NO_COLOR: "1" },
      stdio: [terminal ? "pipe" : "ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let answered = false;
    let signalled = false;
    const watch = () => {
      const output = stdout + stderr;
      if (terminal && !answered && terminal.when.test(output)) {
        answered = true;
        child.stdin?.write(`${terminal.answer}\n`);
      }
      if (signalRoot && !signalled && signalRoot.when(output) && child.pid !== undefined) {
        signalled = true;
        void rootProcessOf(command, child.pid).then((root) => process.kill(root, signalRoot.signal));
      }
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      watch();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      watch();
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
