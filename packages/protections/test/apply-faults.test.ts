// An operation that ends Failed, and two provisions of one environment at once, through `pnpm run provision`.
import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import { startSignedInEmulator } from "@infra/auth/testing";
import { runRoot, writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pendingChanges, provisionEnvironment } from "./support/in-process-provision.ts";
import { lockAccountName, provisionedAccountNames, suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let azure: AzureContext;
let storage: StorageManagementClient;

async function accountNames(prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const account of storage.storageAccounts.list()) names.push(account.name ?? "");
  return names.filter((name) => name.startsWith(prefix)).sort();
}

/** Hits so far of the fault rules whose path is `path` (the control API lists rules with their hit counts). */
async function faultHits(path: string): Promise<number> {
  const faults = await emulator.admin.faults();
  return faults.filter((rule) => rule.path === path).reduce((sum, rule) => sum + rule.hits, 0);
}

beforeAll(async () => {
  ({ emulator, azure } = await startSignedInEmulator({ task: "protections" }));
  storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});

describe("a long-running operation that ends Failed", () => {
  // Protection: applyPlan lets independent branches go on after a failure and skips only its dependents
  // (run-in-dependency-order.ts). Checked: skipping every change not yet done at the first failure there leaves the
  // other accounts' containers pending and fails this case.
  it("is reported with its ARM code, its dependents are skipped, the rest of the plan applies, exit 1", async () => {
    const environment = suiteEnvironment("lrofail");
    const [ok0, broken, ok2] = environment.storage.accounts.map((account) => account.name);
    await emulator.admin.addFault({
      method: "PUT",
      path: `/storageAccounts/${broken}\\?`,
      failOperation: true,
      code: "ResourceDeploymentFailure",
      message: "The resource provision operation did not complete within the allowed timeout period.",
    });
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(environment), "--yes"], {
      env: emulator.env("ops"),
    });
    expect(result.code, result.stderr).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(new RegExp(`create storage\\.account\\["${broken}"\\].*ResourceDeploymentFailure`));
    expect(output).toMatch(new RegExp(`storage\\.container\\["${broken}/data"\\] skipped`));
    expect(output).toMatch(/Apply finished with failures: \d+ changed, 1 failed, \d+ skipped/);
    expect(await accountNames("lrofail")).toEqual([ok0, ok2, lockAccountName(environment)].sort());

    // Everything else applied: what is still pending is exactly the failed account and what lives in it.
    const pending = await pendingChanges(azure, environment);
    expect(pending).toContain(`create storage.account["${broken}"]`);
    expect(pending.filter((change) => !change.includes(`"${broken}`))).toEqual([]);

    // Fix the cause (the fault is gone) and apply again: it converges.
    await emulator.admin.clearFaults();
    expect((await provisionEnvironment(azure, environment)).failed).toEqual([]);
    expect(await pendingChanges(azure, environment)).toEqual([]);
  });
});

describe("two provisions of the same environment at once", () => {
  // Protection: the environment's lock in Azure (@infra/arm environment-lock.ts, taken in apply-environment.ts).
  // Checked: without it the second run applies its plan alongside the first and exits 0.
  it("the second refuses, naming the run that holds the lock, and writes nothing; the first completes", async () => {
    const environment = suiteEnvironment("lockrace");
    const envFile = await writeEnvironmentFile(environment);
    // The first run's first account create hangs until the second run has finished (clearing the faults lets it go).
    const slowPath = `/storageAccounts/${environment.storage.accounts[0]?.name}\\?`;
    await emulator.admin.addFault({ method: "PUT", path: slowPath, delayMs: 150_000 });

    const first = runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    while ((await faultHits(slowPath)) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    // The second run signs in as another identity, so the request log tells its requests from the first's.
    const second = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("github") });
    await emulator.admin.clearFaults();

    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toMatch(
      /environment "lockrace" is being changed by provision by service principal app 0a500000-0000-4000-8000-000000000001 on .+ \(pid \d+\), since .+; nothing was changed/,
    );
    expect(second.stderr).toMatch(/`pnpm run unlock -- --env lockrace` breaks it now/);
    const byGithub = (await emulator.admin.requests()).filter((entry) => entry.principal === "github");
    expect(byGithub.filter((entry) => !["GET", "HEAD", "POST"].includes(entry.method))).toEqual([]);
    // Its only POSTs: the name checks of its plan, and one refused attempt at the lock.
    expect(
      byGithub
        .filter((entry) => entry.method === "POST" && !/checkNameAvailability/.test(entry.path))
        .map((entry) => [entry.path.replace(/\?.*$/, "").split("/").slice(-2).join("/"), entry.status]),
    ).toEqual([["apply-lock/lease", 409]]);

    const firstResult = await first;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(await accountNames("lockrace")).toEqual(provisionedAccountNames(environment));
    expect(await pendingChanges(azure, environment)).toEqual([]);
  });
});
