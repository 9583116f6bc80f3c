// `pnpm --filter @infra/storage bench:estate`: a tenant-sized storage audit, 20,000 accounts in 40 subscriptions
// under the emulator's real ARM read limits (250 burst, 25/s per subscription and principal), first as one process,
// then as 4 shards (the split `pnpm run audit -- --list-shards 4` makes) run as 4 processes at once and merged. Prints
// each run's wall time against the bound the limits imply, peak RSS, the share of reads answered 429, and whether the
// merged findings equal the single run's. Sizes: BENCH_ACCOUNTS, BENCH_SUBSCRIPTIONS_COUNT, BENCH_SHARDS.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type MergeInput, mergeReports } from "@infra/audit";
import { parseJsonReport } from "@infra/audit/json-report";
import { type Emulator, startEmulator } from "@infra/emulator";
import { type RunReport, runAuditProcess } from "./run-audit-process.ts";
import { estateSeed, estateSubscriptions } from "./seed-estate.ts";

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS_COUNT ?? "40");
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? "20000");
const SHARDS = Number(process.env.BENCH_SHARDS ?? "4");
const MiB = 1024;

interface ReadStats {
  reads: number;
  throttled: number;
  boundMs: number;
}

async function readStats(emulator: Emulator, subscriptionIds: readonly string[], bucket: number, perSecond: number) {
  const reads = (await emulator.admin.requests()).filter(
    (entry) => entry.method === "GET" && entry.path.startsWith("/subscriptions/"),
  );
  const perSubscription = new Map<string, number>();
  for (const entry of reads) {
    const id = entry.path.split("/")[2] ?? "";
    perSubscription.set(id, (perSubscription.get(id) ?? 0) + 1);
  }
  // Each subscription's bucket drains its burst at once, then refills at `perSecond`; subscriptions run in parallel.
  const boundMs = Math.max(
    ...subscriptionIds.map((id) => (Math.max(0, (perSubscription.get(id) ?? 0) - bucket) / perSecond) * 1000),
  );
  return {
    reads: reads.length,
    throttled: reads.filter((entry) => entry.status === 429).length,
    boundMs,
  } satisfies ReadStats;
}

const keys = async (files: readonly string[]) => {
  const inputs: MergeInput[] = await Promise.all(
    files.map(async (source) => ({ source, report: parseJsonReport(await readFile(source, "utf8"), source) })),
  );
  const { report, problems } = mergeReports(inputs);
  return {
    problems,
    keys: report.findings.map((f) => `${f.status} ${f.ruleId} ${f.resourceId.toLowerCase()}`).sort(),
  };
};

const subscriptionIds = estateSubscriptions(SUBSCRIPTIONS);
const perSubscription = Math.ceil(ACCOUNTS / SUBSCRIPTIONS);
const accounts = perSubscription * SUBSCRIPTIONS;
const dir = await mkdtemp(join(tmpdir(), "audit-estate-"));
// Every request of a run must stay in the log to count its reads and 429s.
const emulator = await startEmulator({ requestLogCapacity: 1_000_000 });
try {
  await emulator.admin.seed(estateSeed(subscriptionIds, perSubscription));
  const env = emulator.env("ops");
  const fresh = async () => {
    const config = await emulator.admin.config({ throttling: { enabled: true } }); // refills every bucket
    await emulator.admin.clearRequests();
    return config.throttling.reads;
  };

  const limits = await fresh();
  // The emulator serves ARM in this process: its CPU time beside the audit's shows whether the machine kept up.
  const emulatorCpu = process.cpuUsage();
  const single = await runAuditProcess(env, subscriptionIds, { BENCH_FINDINGS: join(dir, "single.json") });
  const emulatorCpuMs = ((usage) => (usage.user + usage.system) / 1000)(process.cpuUsage(emulatorCpu));
  const singleStats = await readStats(emulator, subscriptionIds, limits.bucket, limits.perSecond);

  await emulator.admin.config({ throttling: { enabled: false } });
  const { shards } = await runAuditProcess<{ shards: { subscriptions: string[] }[] }>(env, subscriptionIds, {
    BENCH_LIST_SHARDS: String(SHARDS),
  });
  await fresh();
  const started = performance.now();
  const parts = await Promise.all(
    shards.map((shard, index) =>
      runAuditProcess(env, shard.subscriptions, { BENCH_FINDINGS: join(dir, `shard-${index + 1}.json`) }),
    ),
  );
  const shardedMs = performance.now() - started;
  const shardedStats = await readStats(emulator, subscriptionIds, limits.bucket, limits.perSecond);

  const one = await keys([join(dir, "single.json")]);
  const merged = await keys(shards.map((_, index) => join(dir, `shard-${index + 1}.json`)));
  const same = merged.problems.length === 0 && JSON.stringify(merged.keys) === JSON.stringify(one.keys);
  const unevaluated = (runs: readonly RunReport[]) =>
    runs.reduce((sum, run) => sum + run.unevaluated, 0) +
    Math.max(0, accounts - runs.reduce((sum, run) => sum + run.resourcesRead, 0));

  const singleRatio = single.auditMs / singleStats.boundMs;
  const shardedRatio = shardedMs / shardedStats.boundMs;
  const singleShare = singleStats.throttled / singleStats.reads;
  const shardedShare = shardedStats.throttled / shardedStats.reads;
  const singleRss = single.auditRssKiB / MiB;
  const singleReportRss = single.maxRssKiB / MiB;
  const shardRss = Math.max(...parts.map((part) => part.maxRssKiB)) / MiB;
  const shardsRss = parts.reduce((sum, part) => sum + part.maxRssKiB, 0) / MiB;
  const line = (name: string, value: string, verdict?: boolean) =>
    console.log(`  ${name.padEnd(34)} ${value}${verdict === undefined ? "" : verdict ? "  ok" : "  MISSED"}`);
  console.log(
    `storage audit: ${accounts} accounts in ${SUBSCRIPTIONS} subscriptions, reads ${limits.bucket} burst + ${limits.perSecond}/s`,
  );
  console.log("one process");
  line("ARM reads", `${singleStats.reads}`);
  line(
    "wall time / bound from limits",
    `${(single.auditMs / 1000).toFixed(1)} s / ${(singleStats.boundMs / 1000).toFixed(1)} s = ${singleRatio.toFixed(2)} (target <= 1.1)`,
    singleRatio <= 1.1,
  );
  line("peak RSS of the audit", `${singleRss.toFixed(0)} MiB (target <= 1024)`, singleRss <= 1024);
  line("peak RSS with its JSON report", `${singleReportRss.toFixed(0)} MiB (target <= 1024)`, singleReportRss <= 1024);
  line(
    "429 responses",
    `${singleStats.throttled} = ${(singleShare * 100).toFixed(2)}% (target <= 1%)`,
    singleShare <= 0.01,
  );
  line("unevaluated accounts", `${unevaluated([single])} (must be 0)`, unevaluated([single]) === 0);
  line(
    "CPU: audit + emulator / available",
    `${(single.cpuMs / 1000).toFixed(0)} s + ${(emulatorCpuMs / 1000).toFixed(0)} s / ${((single.auditMs / 1000) * cpus().length).toFixed(0)} s (${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log(
    `${shards.length} shards, ${shards.length} processes at once (${shards.map((s) => s.subscriptions.length).join(" / ")} subscriptions)`,
  );
  line("ARM reads", `${shardedStats.reads}`);
  line(
    "wall time / bound from limits",
    `${(shardedMs / 1000).toFixed(1)} s / ${(shardedStats.boundMs / 1000).toFixed(1)} s = ${shardedRatio.toFixed(2)}`,
  );
  line("peak RSS per shard / all shards", `${shardRss.toFixed(0)} / ${shardsRss.toFixed(0)} MiB (reports included)`);
  line("429 responses", `${shardedStats.throttled} = ${(shardedShare * 100).toFixed(2)}%`, shardedShare <= 0.01);
  line("merged findings = one run's", `${same ? "yes" : "NO"} (${merged.keys.length} checks)`, same);
  console.log(
    `bench-result ${JSON.stringify({
      id: "audit-estate",
      title: `Audit of ${accounts} storage accounts in ${SUBSCRIPTIONS} subscriptions: one process, then ${shards.length} shards merged`,
      figures: [
        { name: "one process: wall time", value: single.auditMs / 1000, unit: "s" },
        { name: "one process: bound implied by the read limits", value: singleStats.boundMs / 1000, unit: "s" },
        { name: "one process: ratio wall / bound", value: singleRatio, unit: "x", target: "<= 1.1" },
        { name: "one process: peak RSS of the audit", value: singleRss, unit: "MiB", target: "<= 1024" },
        {
          name: "one process: peak RSS with the JSON report written",
          value: singleReportRss,
          unit: "MiB",
          target: "<= 1024",
        },
        { name: "one process: share of reads answered 429", value: singleShare * 100, unit: "%", target: "<= 1" },
        { name: "one process: ARM reads", value: singleStats.reads, unit: "requests" },
        { name: "one process: CPU time of the audit", value: single.cpuMs / 1000, unit: "s" },
        { name: "one process: CPU time of the emulator serving it", value: emulatorCpuMs / 1000, unit: "s" },
        { name: "shards: wall time", value: shardedMs / 1000, unit: "s" },
        { name: "shards: ratio wall / bound", value: shardedRatio, unit: "x" },
        { name: "shards: peak RSS of one shard", value: shardRss, unit: "MiB", target: "<= 1024" },
        { name: "shards: share of reads answered 429", value: shardedShare * 100, unit: "%", target: "<= 1" },
        { name: "merged findings differing from one run's", value: same ? 0 : 1, unit: "", target: "= 0" },
        {
          name: "unevaluated accounts",
          value: unevaluated([single]) + unevaluated(parts),
          unit: "accounts",
          target: "= 0",
        },
      ],
    })}`,
  );
} finally {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
}
