import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const runner = fileURLToPath(new URL("./audit-run.ts", import.meta.url));

/** What `audit-run.ts` prints: the audit's own time, what it read, and the process's peak memory. */
export interface RunReport {
  auditMs: number;
  resourcesRead: number;
  unevaluated: number;
  /** Peak RSS when the audit was done, before its findings were written as a JSON report. */
  auditRssKiB: number;
  /** Peak RSS of the whole process, the JSON report included. */
  maxRssKiB: number;
  /** CPU time of the process, user + system. */
  cpuMs: number;
  pacer: { paced: number; waitedMs: number };
}

/** Runs `audit-run.ts` in a process of its own with the emulator's variables; resolves to its one JSON line. */
export function runAuditProcess<T = RunReport>(
  env: Record<string, string>,
  subscriptionIds: readonly string[],
  extra: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx/esm", runner], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...env,
        ...extra,
        BENCH_SUBSCRIPTIONS: subscriptionIds.join(","),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as T)
        : reject(new Error(`audit exited ${code}`)),
    );
  });
}
