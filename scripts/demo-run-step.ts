import { spawn } from "node:child_process";
import type { DemoStep } from "./demo-steps.ts";

export interface StepResult {
  step: DemoStep;
  code: number;
  ms: number;
}

/**
 * Runs one step as `pnpm run --silent <script> -- <args>` with the terminal passed through, so the command sees a TTY
 * when the demo does (live progress, colour) and its output reaches the person unchanged.
 */
export function runStep(
  step: DemoStep,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<StepResult> {
  const started = performance.now();
  const args = ["run", "--silent", step.script, ...(step.args.length > 0 ? ["--", ...step.args] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ step, code: code ?? (signal === "SIGINT" ? 130 : 1), ms: performance.now() - started }),
    );
  });
}
