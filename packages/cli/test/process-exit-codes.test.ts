import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Real processes: proves exit codes reach the shell (process.exitCode, no process.exit) and SIGINT gives 130.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const fixture = "test/fixtures/fixture-main.ts";

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], onStderr?: (text: string, pid: number) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CI: "true", GITHUB_ACTIONS: undefined },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (child.pid !== undefined) onStderr?.(stderr, child.pid);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

// A ceiling for slow shared machines, not a timing assertion: each spawn starts node (~0.3-1 s).
const spawnTimeoutMs = 30_000;
// Node 24 with tsx's loader runs the TypeScript fixture, as the package scripts run every main.ts.
const node = process.execPath;
const tsx = ["--import", "tsx/esm"];

describe("a task main run as a real process", () => {
  it(
    "exits 0, 1, 2 and 3",
    async () => {
      const modes = [
        [["--mode", "ok", "--json"], 0],
        [["--mode", "fail"], 1],
        [["--bogus"], 2],
        [["--mode", "attention"], 3],
      ] as const;
      const exits = await Promise.all(modes.map(([args]) => run(node, [...tsx, fixture, ...args])));
      expect(exits.map((exit) => exit.code)).toEqual(modes.map(([, code]) => code));
      expect(JSON.parse(exits[0]?.stdout ?? "")).toEqual({ mode: "ok" });
      expect(exits[1]?.stderr).toContain("error: boom");
      expect(exits[2]?.stderr).toContain("Usage: fixture [options]");
    },
    spawnTimeoutMs,
  );

  it(
    "exits 3 through `pnpm exec node --import tsx/esm`, as package scripts run it",
    async () => {
      const exit = await run("pnpm", ["exec", "node", ...tsx, fixture, "--mode", "attention"]);
      expect(exit.code).toBe(3);
      expect(exit.stderr).toContain("needs attention: 1 finding");
    },
    spawnTimeoutMs,
  );

  it(
    "stops cleanly and exits 130 on SIGINT",
    async () => {
      let sent = false;
      // Node itself, no wrapper process in between: pnpm re-raises the signal on itself, hiding the child's exit code.
      const exit = await run(node, [...tsx, fixture, "--mode", "wait"], (stderr, pid) => {
        if (!sent && stderr.includes("ready\n")) {
          sent = true;
          process.kill(pid, "SIGINT");
        }
      });
      expect(exit).toMatchObject({ code: 130, signal: null });
      expect(exit.stderr).toContain("cleaned up\ninterrupted: stopped cleanly\n");
    },
    spawnTimeoutMs,
  );
});
