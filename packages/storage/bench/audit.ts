// `pnpm --filter @infra/storage bench`: the storage audit over 2,000 accounts in 4 subscriptions with the emulator's
// real ARM read limits (250 burst, 25/s per subscription and principal). Prints the wall time, the bound those limits
// imply, their ratio (target <= 1.25), the share of 429s (target <= 1%) and unevaluated accounts (must be 0).
import { startEmulator } from "@infra/emulator";
import { runAuditProcess } from "./run-audit-process.ts";
import { estateSeed, estateSubscriptions } from "./seed-estate.ts";

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS_COUNT ?? "4");
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? "2000");

const subscriptionIds = estateSubscriptions(SUBSCRIPTIONS);
const emulator = await startEmulator();
try {
  await emulator.admin.seed(estateSeed(subscriptionIds, Math.ceil(ACCOUNTS / SUBSCRIPTIONS)));
  const config = await emulator.admin.config({ throttling: { enabled: true } }); // refills every bucket
  await emulator.admin.clearRequests();

  const report = await runAuditProcess(emulator.env("ops"), subscriptionIds);

  const reads = (await emulator.admin.requests()).filter(
    (entry) => entry.method === "GET" && entry.path.startsWith("/subscriptions/"),
  );
  const perSubscription = subscriptionIds.map((id) =>
    reads.filter((entry) => entry.path.startsWith(`/subscriptions/${id}/`)),
  );
  const { bucket, perSecond } = config.throttling.reads;
  // Each subscription's bucket drains its burst at once and then refills at `perSecond`; subscriptions run in parallel.
  const boundMs = Math.max(...perSubscription.map((list) => (Math.max(0, list.length - bucket) / perSecond) * 1000));
  const throttled = reads.filter((entry) => entry.status === 429).length;
  const accounts = Math.ceil(ACCOUNTS / SUBSCRIPTIONS) * SUBSCRIPTIONS;
  const unevaluated = report.unevaluated + Math.max(0, accounts - report.resourcesRead);
  const ratio = report.auditMs / boundMs;
  const share = throttled / reads.length;
  console.log(
    `storage audit: ${accounts} accounts in ${SUBSCRIPTIONS} subscriptions, reads ${bucket} burst + ${perSecond}/s`,
  );
  console.log(
    `  ARM reads           ${reads.length} (${perSubscription.map((list) => list.length).join(" / ")} per subscription)`,
  );
  console.log(`  wall time           ${(report.auditMs / 1000).toFixed(1)} s`);
  console.log(`  bound from limits   ${(boundMs / 1000).toFixed(1)} s`);
  console.log(`  ratio               ${ratio.toFixed(2)} (target <= 1.25) ${ratio <= 1.25 ? "ok" : "MISSED"}`);
  console.log(
    `  429 responses       ${throttled} = ${(share * 100).toFixed(2)}% (target <= 1%) ${share <= 0.01 ? "ok" : "MISSED"}`,
  );
  console.log(`  unevaluated         ${unevaluated} (must be 0) ${unevaluated === 0 ? "ok" : "MISSED"}`);
  console.log(
    `bench-result ${JSON.stringify({
      id: "audit",
      title: `Audit of ${accounts} storage accounts in ${SUBSCRIPTIONS} subscriptions, real read limits`,
      figures: [
        { name: "wall time", value: report.auditMs / 1000, unit: "s" },
        { name: "bound implied by the read limits", value: boundMs / 1000, unit: "s" },
        { name: "ratio wall / bound", value: ratio, unit: "x", target: "<= 1.25" },
        { name: "share of reads answered 429", value: share * 100, unit: "%", target: "<= 1" },
        { name: "ARM reads", value: reads.length, unit: "requests" },
        { name: "unevaluated accounts", value: unevaluated, unit: "accounts", target: "= 0" },
      ],
    })}`,
  );
  console.log(
    `  paced requests      ${report.pacer.paced} (waited ${(report.pacer.waitedMs / 1000).toFixed(1)} s in total)`,
  );
} finally {
  await emulator.close();
}
