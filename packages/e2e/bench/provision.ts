// Not a test: provisioning throughput against the emulator with a 2 s account create.
// Prints wall time, the critical-path bound, their ratio, the same plan at concurrency 1, and the cost of a re-plan
// of 500 existing resources (ARM requests and wall time). Run: pnpm --filter @infra/e2e bench

import { retryingTransientAnswers } from "@infra/arm";
import { connectAzure } from "@infra/auth";
import { type Emulator, SEED, startEmulator, trustCertificateAuthority } from "@infra/emulator";
import { type Environment, validateEnvironment } from "@infra/environments";
import { applyPlan, createPlan, DEFAULT_CONCURRENCY, type Plan } from "@infra/plan";
import { desiredResourceGroups, groupLockKind, resourceGroupKind } from "@infra/resource-groups";
import { desiredStorage, storageKinds, storageSection } from "@infra/storage";
import { taskList } from "@infra/tasks";

const CREATE_SECONDS = 2;
const REALISM_TIME_SCALE = 0.1;
const sections = await taskList.sections();

function environment(name: string, groups: number, accounts: number, containers: number): Environment {
  const groupNames = Array.from({ length: groups }, (_, index) => `rg-${name}-${index}`);
  return validateEnvironment(
    {
      name,
      subscriptionId: SEED.subscription1,
      location: "westeurope",
      namingPrefix: name,
      resourceGroups: groupNames.map((group) => ({ name: group })),
      storage: {
        accounts: Array.from({ length: accounts }, (_, index) => ({
          name: `${name}acct${index}`,
          resourceGroup: groupNames[index % groups],
          containers: Array.from({ length: containers }, (_, c) => ({ name: `data${c}` })),
        })),
      },
    },
    `bench:${name}`,
    sections,
  );
}

async function context(emulator: Emulator, env: Environment) {
  const azure = await connectAzure({ task: "bench", env: emulator.env("ops") });
  const options = { azure, environment: env.name };
  // As the task processes run them: writes ARM answers "not yet" are tried again.
  const kinds = [
    resourceGroupKind(options),
    groupLockKind(options),
    ...storageKinds({ ...options, accounts: storageSection.of(env).accounts }),
  ].map((kind) => retryingTransientAnswers(kind));
  const plan = () =>
    createPlan({
      environment: env.name,
      subscriptionId: azure.subscriptionId,
      tasks: ["resource-groups", "storage"],
      desired: [...desiredResourceGroups(env, azure.subscriptionId), ...desiredStorage(env, azure.subscriptionId)],
      kinds,
    });
  return { plan, kinds };
}

async function timedApply(
  emulator: Emulator,
  env: Environment,
  concurrency: number,
): Promise<{ seconds: number; changes: number }> {
  const { plan, kinds } = await context(emulator, env);
  const current: Plan = await plan();
  const started = performance.now();
  const result = await applyPlan(current, { kinds, concurrency });
  const seconds = (performance.now() - started) / 1000;
  if (result.failed.length > 0)
    throw new Error(`bench => ${result.failed.length} change(s) failed: ${String(result.failed[0]?.error)}`);
  return { seconds, changes: result.succeeded.length };
}

const slowCreates = { lro: { pollsBeforeDone: 1, retryAfterSeconds: CREATE_SECONDS } };
const containers = 1;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);

const emulator = await startEmulator({ config: slowCreates });
trustCertificateAuthority(emulator.caPem);
try {
  const single = await timedApply(emulator, environment("one", 1, 1, containers), concurrency);
  const fifty = await timedApply(emulator, environment("big", 5, 50, containers), concurrency);
  const serial = process.env.BENCH_SKIP_SERIAL
    ? { seconds: Number.NaN, changes: 0 }
    : await timedApply(emulator, environment("ser", 5, 50, containers), 1);
  console.log(
    `provision 50 accounts in 5 groups (create ${CREATE_SECONDS} s, ${containers} container each, throttling on):`,
  );
  console.log(`  wall time, concurrency ${concurrency}: ${fifty.seconds.toFixed(2)} s for ${fifty.changes} changes`);
  console.log(`  critical-path bound (1 group + 1 account + its children, measured): ${single.seconds.toFixed(2)} s`);
  console.log(`  ratio: ${(fifty.seconds / single.seconds).toFixed(2)} (target <= 1.5)`);
  console.log(
    `  same plan at concurrency 1: ${serial.seconds.toFixed(2)} s (${(serial.seconds / fifty.seconds).toFixed(1)}x slower)`,
  );

  // Re-plan of 500 existing resources: 100 accounts with blob service, file service and 2 containers each = 500.
  await emulator.admin.config({ lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 }, throttling: { enabled: false } });
  const estate = environment("rep", 5, 100, 2);
  await timedApply(emulator, estate, concurrency);
  await emulator.admin.config({ throttling: { enabled: true } });
  const { plan } = await context(emulator, estate);
  await emulator.admin.clearRequests();
  const started = performance.now();
  const replan = await plan();
  const seconds = (performance.now() - started) / 1000;
  const requests = (await emulator.admin.requests()).filter((entry) => entry.path.startsWith("/subscriptions/"));
  const pending = replan.changes.filter((change) => change.action !== "no-op").length;
  console.log(
    `re-plan of ${replan.changes.length} existing resources: ${requests.length} ARM requests, ${seconds.toFixed(2)} s, ${pending} changes`,
  );
  // The same 50-account provision with Azure's delays and conflicts modelled (realism at 1/10 of Azure's time), and
  // with none (every operation done at once), in one run.
  await emulator.admin.config({ lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 }, throttling: { enabled: true } });
  const instant = await timedApply(emulator, environment("off", 5, 50, containers), concurrency);
  await emulator.admin.config({ realism: { profile: "azure", timeScale: REALISM_TIME_SCALE } });
  await emulator.admin.clearRequests();
  const realistic = await timedApply(emulator, environment("real", 5, 50, containers), concurrency);
  const refusedNotYet = (await emulator.admin.requests()).filter(
    (entry) => entry.status === 409 || entry.status === 400,
  );
  await emulator.admin.config({ realism: { profile: "off" } });
  console.log(
    `provision 50 accounts, realism off: ${instant.seconds.toFixed(2)} s; realism azure at ${REALISM_TIME_SCALE}x time: ${realistic.seconds.toFixed(2)} s (${refusedNotYet.length} "not yet" answers retried)`,
  );

  // One machine-readable line for `pnpm bench`'s report (scripts/bench.ts).
  console.log(
    `bench-result ${JSON.stringify({
      id: "provision",
      title: `Provision 50 accounts in 5 groups (create ${CREATE_SECONDS} s, throttling on)`,
      figures: [
        { name: `wall time, concurrency ${concurrency}`, value: fifty.seconds, unit: "s" },
        { name: "critical path (1 group + 1 account + its children, measured)", value: single.seconds, unit: "s" },
        { name: "ratio wall / critical path", value: fifty.seconds / single.seconds, unit: "x", target: "<= 1.5" },
        { name: "same plan at concurrency 1", value: serial.seconds, unit: "s" },
        { name: "ratio concurrency 1 / default", value: serial.seconds / fifty.seconds, unit: "x" },
        {
          name: `re-plan of ${replan.changes.length} existing resources: ARM requests`,
          value: requests.length,
          unit: "requests",
        },
        { name: "re-plan wall time", value: seconds, unit: "s" },
        { name: "50 accounts, realism off (operations done at once)", value: instant.seconds, unit: "s" },
        {
          name: `50 accounts, realism azure at ${REALISM_TIME_SCALE}x Azure's time`,
          value: realistic.seconds,
          unit: "s",
        },
        { name: "ratio realism on / off", value: realistic.seconds / instant.seconds, unit: "x" },
        { name: 'answers ARM gave as "not yet" (retried), realism on', value: refusedNotYet.length, unit: "answers" },
      ],
    })}`,
  );
} finally {
  await emulator.close();
}
