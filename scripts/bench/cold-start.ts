import { spawn } from "node:child_process";
import { join } from "node:path";
import { compileCacheDir } from "@infra/cli/process-start";
import { type Emulator, SEED } from "@infra/emulator";
import type { BenchResult } from "./bench-result.ts";

const node = process.execPath;
/** Every TypeScript entry point runs as `node --import tsx/esm FILE` (the package scripts' form). */
const tsx = ["--import", "tsx/esm"];

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      // audit exits 0 or 3 (findings); anything else means the measurement measured a failure.
      code === 0 || code === 3
        ? resolve(performance.now() - started)
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await measure());
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * Where the time of `pnpm run audit` on a subscription with nothing in it goes: each layer measured on its own, in
 * fresh processes, median of a few runs. Layers overlap (turbo starts the audit's task process), so they do not add
 * up exactly to the total; they say which layer to cut next. Under the root command every task's audit runs in one
 * process, so "one task on its own" is a layer, not a part of the total.
 */
export async function coldStartBreakdown(repoRoot: string, emulator: Emulator, runs = 3): Promise<BenchResult> {
  // The compile cache the root command turns on and passes to the tasks, so a task measured alone starts as it does
  // under `pnpm run audit` (its first run fills the cache; the median is of warm starts).
  const env = {
    ...process.env,
    ...emulator.env("ops"),
    TURBO_TELEMETRY_DISABLED: "1",
    CI: "true",
    NODE_COMPILE_CACHE: compileCacheDir(),
  };
  const empty = ["--subscription", SEED.subscription2];
  const storageDir = join(repoRoot, "packages", "storage");
  const figure = async (name: string, command: string, args: string[], cwd = repoRoot, times = runs) => ({
    name,
    value: Math.round(await median(times, () => timed(command, args, cwd, env))),
    unit: "ms",
  });
  const figures = [
    await figure("node 24 process start", node, ["-e", "0"]),
    await figure("pnpm run (pnpm's own start, trivial script)", "pnpm", ["exec", "node", "-e", "0"]),
    await figure("tsx loader start (empty TypeScript file)", node, [...tsx, "scripts/bench/empty.ts"]),
    await figure("root command imports (node --import tsx/esm scripts/infra.ts audit --help)", node, [
      ...tsx,
      "scripts/infra.ts",
      "audit",
      "--help",
    ]),
    await figure("turbo start with no task to run", join(repoRoot, "node_modules", ".bin", "turbo"), [
      "run",
      "audit",
      "--filter",
      "@infra/workspace",
    ]),
    await figure(
      "one task on its own: imports only (storage audit --help)",
      node,
      [...tsx, "src/main.ts", "audit", "--help"],
      storageDir,
    ),
    await figure(
      "one task on its own: imports + first token + first request",
      node,
      [...tsx, "src/main.ts", "audit", ...empty],
      storageDir,
    ),
    // The figure with a target: three times as many runs, so one slow run on a shared machine does not decide it.
    await figure(
      "total: pnpm run audit on an empty subscription",
      "pnpm",
      ["run", "--silent", "audit", "--", ...empty],
      repoRoot,
      runs * 3,
    ),
  ];
  const total = figures.at(-1)!;
  return {
    id: "cold-start",
    title: "Cold start of `pnpm run audit` on an empty subscription (median of fresh processes)",
    figures: [...figures.slice(0, -1), { ...total, target: "<= 1500" }],
  };
}
