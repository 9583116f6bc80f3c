import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DemoStep } from "./demo-steps.ts";

export interface StepResult {
  step: DemoStep;
  code: number;
  ms: number;
}

/**
 * The command line of a root script, as words: `audit` -> ["node", "--import", "tsx/esm", "scripts/infra.ts", "audit"].
 * The demo's scripts are plain commands (no quotes, pipes or `&&`), so words split on spaces are what the shell runs.
 */
export function rootScriptWords(repoRoot: string, script: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const line = scripts[script];
  if (line === undefined) throw new Error(`package.json has no script "${script}"`);
  if (/["'`$|&;<>()\\]/.test(line)) throw new Error(`the demo runs plain commands; "${script}" is: ${line}`);
  return line.trim().split(/\s+/);
}

/**
 * Runs one step: the root script a person would start with `pnpm run <script> -- <args>`, started as
 * `pnpm exec <the script's command> <args>`, with the terminal passed through, so the command sees a TTY when the demo
 * does (live progress, colour) and its output reaches the person unchanged.
 *
 * Why not `pnpm run`: it ends every script that exits non-zero with its own line, `[ELIFECYCLE] Command failed with
 * exit code 3.`, and in the demo exit 3 is an expected outcome (the audit ran fine and found what it should). `pnpm
 * exec` runs the same command with the same PATH (the repository's Node 24 and tsx first) and adds nothing.
 */
export function runStep(
  step: DemoStep,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<StepResult> {
  const started = performance.now();
  const args = ["exec", ...rootScriptWords(options.cwd, step.script), ...step.args];
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ step, code: code ?? (signal === "SIGINT" ? 130 : 1), ms: performance.now() - started }),
    );
  });
}
