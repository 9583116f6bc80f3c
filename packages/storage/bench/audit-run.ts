// The audit half of `bench/audit.ts`, in its own process as `pnpm run audit` would be: it signs in with the
// emulator's variables (which carry NODE_EXTRA_CA_CERTS, read only at process start) and prints one JSON line.
import { connectAzure, ReadPacer } from "@infra/auth";
import { createLogger } from "@infra/cli";
import { createStorageAudit } from "../src/index.ts";

const subscriptionIds = (process.env.BENCH_SUBSCRIPTIONS ?? "").split(",").filter((id) => id.length > 0);
const azure = await connectAzure({ task: "storage-bench" });
const pacer = new ReadPacer();
const log = createLogger({ write: process.stderr });
const started = performance.now();
const result = await createStorageAudit({ pacer }).run(
  { subscriptionIds },
  { azure, log, signal: new AbortController().signal, now: new Date() },
);
const auditMs = performance.now() - started;
const unevaluated = new Set(
  result.findings.filter((finding) => finding.status === "error").map((finding) => finding.resourceId),
);
process.stdout.write(
  `${JSON.stringify({ auditMs, resourcesRead: result.resourcesRead, unevaluated: unevaluated.size, pacer: pacer.stats() })}\n`,
);
