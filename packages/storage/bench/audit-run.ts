// The audit half of `bench/audit.ts` and `bench/audit-estate.ts`, in its own process as `pnpm run audit` would be: it
// signs in with the emulator's variables (which carry NODE_EXTRA_CA_CERTS, read only at process start) and prints one
// JSON line. BENCH_FINDINGS=PATH also writes the findings as a JSON report (for comparing shards with one run);
// BENCH_LIST_SHARDS=N instead prints the split `pnpm run audit -- --list-shards N` makes of BENCH_SUBSCRIPTIONS.
import { jsonReportPieces } from "@infra/audit";
import { connectAzure, ReadPacer } from "@infra/auth";
import { createLogger } from "@infra/cli";
import { estimateSubscriptions, splitIntoShards, writeReport } from "@infra/task";
import { createStorageAudit } from "../src/audit/collect/storage-audit.ts";

const subscriptionIds = (process.env.BENCH_SUBSCRIPTIONS ?? "").split(",").filter((id) => id.length > 0);
const azure = await connectAzure({ task: "storage-bench" });
const log = createLogger({ write: process.stderr });
const signal = new AbortController().signal;
if (process.env.BENCH_LIST_SHARDS) {
  const estimates = await estimateSubscriptions(azure, subscriptionIds, log, signal);
  process.stdout.write(
    `${JSON.stringify({ shards: splitIntoShards(estimates, Number(process.env.BENCH_LIST_SHARDS)) })}\n`,
  );
} else {
  const pacer = new ReadPacer();
  const started = performance.now();
  const result = await createStorageAudit({ pacer }).run({ subscriptionIds }, { azure, log, signal, now: new Date() });
  const auditMs = performance.now() - started;
  const unevaluated = new Set(
    result.findings.filter((finding) => finding.status === "error").map((finding) => finding.resourceId),
  );
  // Peak resident set of this process (what one audit machine needs), in KiB: of the audit alone, and with its
  // findings written as a JSON report too, streamed as `pnpm run audit -- --format json --output` writes it.
  const auditRssKiB = process.resourceUsage().maxRSS;
  if (process.env.BENCH_FINDINGS) {
    await writeReport(jsonReportPieces({ rules: result.rules, findings: result.findings }), process.env.BENCH_FINDINGS);
  }
  const maxRssKiB = process.resourceUsage().maxRSS;
  // CPU this process spent (user + system): with the emulator's, it tells a run held back by CPU from one paced by ARM.
  const { user, system } = process.cpuUsage();
  const cpuMs = (user + system) / 1000;
  process.stdout.write(
    `${JSON.stringify({ auditMs, resourcesRead: result.resourcesRead, unevaluated: unevaluated.size, auditRssKiB, maxRssKiB, cpuMs, pacer: pacer.stats() })}\n`,
  );
}
