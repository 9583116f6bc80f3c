import { ReadPacer } from "@infra/auth";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createStorageAudit } from "../../../src/audit/collect/storage-audit.ts";
import { runAudit, seededAccounts, signIn } from "./audit-emulator.ts";

// 300 accounts without a file service: ~600 reads, well past the 250 burst, so the run lives on the 25/s refill.
const ACCOUNTS = 300;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.admin.seed({
    resources: seededAccounts(SEED.subscription2, "rg-estate", ACCOUNTS, "BlockBlobStorage"),
  });
});
afterAll(() => emulator?.close());

it(`audits ${ACCOUNTS} accounts under ARM's real read limits with throttling rare and nothing unevaluated`, async () => {
  const config = await emulator.admin.config({ throttling: { enabled: true } }); // also refills every bucket
  expect(config.throttling.reads).toEqual({ bucket: 250, perSecond: 25 });
  const azure = await signIn(emulator, "ops");
  await emulator.admin.clearRequests();
  const pacer = new ReadPacer();

  const result = await runAudit(createStorageAudit({ pacer }), azure, { subscriptionIds: [SEED.subscription2] });

  const armReads = (await emulator.admin.requests()).filter(
    (entry) => entry.method === "GET" && entry.path.startsWith(`/subscriptions/${SEED.subscription2}/`),
  );
  const throttled = armReads.filter((entry) => entry.status === 429).length;
  expect(armReads.length).toBeGreaterThan(2 * ACCOUNTS);
  expect(throttled).toBeLessThanOrEqual(Math.floor(armReads.length / 100));
  expect(pacer.stats().paced).toBeGreaterThan(0); // the refill, not the burst, carried most of the run
  expect(result.resourcesRead).toBe(ACCOUNTS);
  expect(result.findings.filter((finding) => finding.status === "error")).toEqual([]);
}, 90_000);
