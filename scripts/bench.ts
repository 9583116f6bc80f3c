// `pnpm bench`: every benchmark of the repo, one after another (they would distort each other in parallel), and one
// report of their figures — Markdown and JSON, written to --out (default bench-report/) and printed.
// Where a target is a ratio, both sides are measured in the same run: shared machines are noisy.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator } from "@infra/emulator";
import { type BenchResult, meetsTarget, parseBenchResults } from "./bench/bench-result.ts";
import { coldStartBreakdown } from "./bench/cold-start.ts";
import { parseScriptArgs } from "./script-args.ts";

const repoRoot = join(import.meta.dirname, "..");
const benches = [
  { id: "emulator", filter: "@infra/emulator" },
  { id: "whoami", filter: "@infra/auth" },
  { id: "provision", filter: "@infra/e2e" },
  { id: "audit", filter: "@infra/storage" },
  // Minutes, not seconds: 20,000 accounts in 40 subscriptions, once whole and once in 4 shards.
  { id: "audit-estate", filter: "@infra/storage", script: "bench:estate" },
];
const ids = [...benches.map((bench) => bench.id), "cold-start"];
const usage = `bench - every benchmark of the repository, one after another, then one report of their figures (Markdown and
JSON). Each benchmark starts its own emulator; nothing else needs to run.

Usage: pnpm bench [-- --only ID ...] [--out DIR]

Options:
  --only ID    run only this benchmark (repeatable): ${ids.join(", ")}
  --out DIR    where report.md and report.json go (default bench-report/)
  --help, -h   show this help

Example: pnpm bench -- --only cold-start --only whoami`;
const { values } = parseScriptArgs(usage, { out: { type: "string" }, only: { type: "string", multiple: true } });
const wanted = (id: string) => !values.only || values.only.includes(id);

function runBench(filter: string, script = "bench"): Promise<BenchResult[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("pnpm", ["--filter", filter, "run", "--silent", script], {
      cwd: repoRoot,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolvePromise(parseBenchResults(stdout)) : reject(new Error(`bench of ${filter} exited ${code}`)),
    );
  });
}

function machine() {
  const cpu = cpus();
  return {
    cpu: `${cpu.length} x ${cpu[0]?.model ?? "unknown"}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
    date: new Date().toISOString(),
  };
}

function markdown(report: { machine: ReturnType<typeof machine>; results: BenchResult[] }): string {
  const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
  const lines = [
    "# Benchmark report",
    "",
    `Machine: ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Linux ${report.machine.kernel}, Node ${report.machine.node}; load average at start ${report.machine.loadAverageAtStart.join(" / ")}; ${report.machine.date}.`,
    "",
  ];
  for (const result of report.results) {
    lines.push(`## ${result.title}`, "", "| figure | value | target | met |", "|---|---:|---|---|");
    for (const figure of result.figures) {
      const met = meetsTarget(figure);
      lines.push(
        `| ${figure.name} | ${format(figure.value)} ${figure.unit} | ${figure.target ?? ""} | ${met === undefined ? "" : met ? "yes" : "**no**"} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

const results: BenchResult[] = [];
const at = machine();
for (const bench of benches.filter((entry) => wanted(entry.id))) {
  process.stderr.write(`\nbench => ${bench.id} (${bench.filter})\n`);
  results.push(...(await runBench(bench.filter, bench.script)));
}
if (wanted("cold-start")) {
  process.stderr.write("\nbench => cold-start\n");
  const emulator = await startEmulator();
  try {
    results.push(await coldStartBreakdown(repoRoot, emulator));
  } finally {
    await emulator.close();
  }
}
const report = { machine: at, results };
const out = resolve(values.out ?? join(repoRoot, "bench-report"));
await mkdir(out, { recursive: true });
const text = markdown(report);
await writeFile(join(out, "report.md"), `${text}\n`);
await writeFile(join(out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${text}\n`);
process.stderr.write(`bench => report written to ${join(out, "report.md")} and report.json\n`);
