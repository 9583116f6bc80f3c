import { spawn } from "node:child_process";
import type { ReadmeCommandPolicy } from "./readme-command-policy.ts";

export interface ReadmeCommandResult {
  code: number;
  output: string;
}

/**
 * Runs a README command with `sh -c` from the repository root. A command that asks for confirmation runs under
 * `script` (a real terminal, as a person has) and gets its answer typed once the prompt appears.
 */
export function runReadmeCommand(
  command: string,
  policy: Extract<ReadmeCommandPolicy, { kind: "run" }>,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<ReadmeCommandResult> {
  const argv = policy.answer ? ["script", "-qec", command, "/dev/null"] : ["sh", "-c", command];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let answered = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (policy.answer && !answered && output.includes(policy.answer.prompt)) {
        answered = true;
        child.stdin.write(`${policy.answer.typed}\n`);
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    // Without a prompt to answer, stdin is closed at once: nothing may wait for input.
    if (!policy.answer) child.stdin.end();
    child.on("error", reject);
    child.on("close", (code) => {
      child.stdin.destroy();
      resolve({ code: code ?? 1, output });
    });
  });
}
