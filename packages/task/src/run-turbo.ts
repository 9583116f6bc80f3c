import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { failedTaskPackage, isTurboChrome } from "./turbo-chrome.ts";

export interface TurboRun {
  /** The turbo task: `provision` or `audit`. */
  task: string;
  /** The packages to run it in (`--filter` each): the listed tasks, never a package that merely has the script. */
  packages: readonly string[];
  /** Arguments for every task process, after `--`. */
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Keep turbo's own header and summary lines (--verbose). */
  verbose?: boolean;
}

/** turbo running one task across the task packages, in a process group of its own that the root command ends. */
export interface TurboProcess {
  /** Resolves with turbo's exit code (1 when it ended on a signal). */
  readonly exited: Promise<number>;
  /** The packages whose task command failed, as turbo reported them (turbo then stops the others). */
  readonly failed: ReadonlySet<string>;
  /**
   * Waits up to `graceMs` for turbo to end by itself (its tasks leave when the session says bye), then ends its
   * process group: SIGTERM, and SIGKILL a moment later.
   */
  stop(graceMs: number): Promise<void>;
}

/**
 * turbo's native binary, found the way turbo's own `bin/turbo` script finds it. Run directly, not through
 * `pnpm exec turbo` or that script: each of those is one more Node process start on every root command. When the
 * binary is not where that script looks, the script runs (it explains what is missing and how to repair it).
 */
export function turboBinary(cwd: string): string {
  const script = join(cwd, "node_modules", ".bin", "turbo");
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "64" : process.arch;
  const executable = `bin/turbo${platform === "windows" ? ".exe" : ""}`;
  try {
    // pnpm links turbo's platform package beside turbo's real directory, not beside its link in node_modules.
    const fromTurbo = createRequire(realpathSync(join(cwd, "node_modules", "turbo", "package.json")));
    for (const name of [`@turbo/${platform}-${arch}`, `turbo-${platform}-${arch}`]) {
      try {
        return fromTurbo.resolve(`${name}/${executable}`);
      } catch {
        // Not this package name: try the next one turbo knows.
      }
    }
  } catch {
    // turbo itself is not installed here: the script's own error says so.
  }
  return script;
}

/**
 * Starts one turbo task across the task packages. Everything turbo prints goes to stderr (its own chrome only with
 * --verbose), so the root command's stdout carries only its result (`--json` prints exactly one document). turbo runs
 * in its own process group: a Ctrl-C in the terminal reaches the root command alone, which decides when and how the
 * tasks stop, and a root command that exits early ends the whole group.
 */
export function startTurbo(run: TurboRun): TurboProcess {
  const turbo = turboBinary(run.cwd);
  const filters = run.packages.map((name) => `--filter=${name}`);
  const args = [
    "run",
    run.task,
    ...filters,
    "--output-logs=full",
    "--log-order=stream",
    "--log-prefix=task",
    "--",
    ...run.args,
  ];
  const child = spawn(turbo, args, {
    cwd: run.cwd,
    env: {
      ...run.env,
      TURBO_TELEMETRY_DISABLED: "1",
      TURBO_NO_UPDATE_NOTIFIER: "1",
      TURBO_PRINT_VERSION_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const failed = new Set<string>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      const failedPackage = failedTaskPackage(line);
      if (failedPackage !== undefined) failed.add(failedPackage);
      if (run.verbose || !isTurboChrome(line)) process.stderr.write(`${line}\n`);
    });
  }
  let running = true;
  const killGroup = (signal: NodeJS.Signals): void => {
    if (!running || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  // Whatever way the root command ends (an uncaught error included), it does not leave turbo and its tasks behind.
  const onExit = (): void => killGroup("SIGKILL");
  process.on("exit", onExit);
  const exited = new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (code) => {
      running = false;
      process.off("exit", onExit);
      resolve(code ?? 1);
    });
  });
  return {
    exited,
    failed,
    async stop(graceMs) {
      if (!running) return;
      if (await settlesWithin(exited, graceMs)) return;
      killGroup("SIGTERM");
      if (await settlesWithin(exited, 3000)) return;
      killGroup("SIGKILL");
      await exited;
    },
  };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
