// SIGKILL at random points of an apply, then a re-run converges with no duplicates.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { POLLED_OPERATIONS, startSignedInEmulator } from "@infra/auth/testing";
import { writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingChanges, provisionEnvironment } from "./support/in-process-provision.ts";
import { writesIn } from "./support/request-log.ts";
import { seededRandom } from "./support/seeded-random.ts";
import { suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let azure: AzureContext;
const environment = suiteEnvironment("crash", { accounts: 4 });
const child = join(import.meta.dirname, "support", "provision-child.ts");

/** Starts a provision in a child process and SIGKILLs it once `kills` ARM writes have been answered. */
async function provisionKilledAfter(writes: number, envFile: string): Promise<NodeJS.Signals | null> {
  await emulator.admin.clearRequests();
  const process_ = spawn(process.execPath, ["--import", "tsx/esm", child, envFile], {
    env: { ...process.env, ...emulator.env("ops") },
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    process_.on("exit", (_code, signal) => resolve(signal)),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done && writesIn(await emulator.admin.requests()).length < writes) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process_.kill("SIGKILL");
  return exited;
}

async function inventory() {
  const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
  const authorization = new AuthorizationManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
  const accounts: string[] = [];
  const containers: string[] = [];
  for await (const account of storage.storageAccounts.list()) {
    if (!account.name?.startsWith("crash") || /lock[0-9a-f]{6}$/.test(account.name)) continue;
    accounts.push(account.name);
    const group = account.id?.split("/")[4] ?? "";
    for await (const container of storage.blobContainers.list(group, account.name)) {
      containers.push(`${account.name}/${container.name}`);
    }
  }
  const grants: string[] = [];
  for await (const assignment of authorization.roleAssignments.listForSubscription()) {
    if (/\/storageAccounts\/crash/i.test(assignment.scope ?? ""))
      grants.push(`${assignment.scope} ${assignment.principalId}`);
  }
  return { accounts: accounts.sort(), containers: containers.sort(), grants: grants.sort() };
}

beforeAll(async () => {
  // Creates poll once, so kills land inside long-running operations too.
  ({ emulator, azure } = await startSignedInEmulator({ task: "protections", emulator: POLLED_OPERATIONS }));
});
afterAll(async () => {
  await emulator?.close();
});

describe("SIGKILL during apply", () => {
  // Protection: idempotent, name-stable writes (role assignment names derived from scope + principal + role, PUTs by
  // name) and a plan that re-reads live state. Checked: a random roleAssignmentName (randomUUID) makes the re-plan
  // want a second grant and this case fail.
  // Seeds 7, 12 and 1 kill after 1, 4 and 8 of the apply's ~20 writes.
  it.each([7, 12, 1])("seed %i: a re-run converges, with each resource exactly once", async (seed) => {
    await emulator.admin.reset();
    const envFile = await writeEnvironmentFile(environment);
    // Kill after 1..12 writes: later, the writes already in flight (Azure finishes what it accepted) can complete the
    // environment and the kill would prove nothing. Each request takes 40 ms here, so the kill lands in time.
    const writes = 1 + Math.floor(seededRandom(seed)() * 12);
    await emulator.admin.config({ latencyMs: 40 });
    expect(await provisionKilledAfter(writes, envFile)).toBe("SIGKILL");
    await emulator.admin.config({ latencyMs: 0 });
    expect((await pendingChanges(azure, environment)).length).toBeGreaterThan(0); // the kill really interrupted it

    const rerun = await provisionEnvironment(azure, environment);
    expect(rerun.failed.map(({ item, error }) => `${item.address}: ${String(error)}`)).toEqual([]);
    expect(await pendingChanges(azure, environment)).toEqual([]);

    const expectedAccounts = environment.storage.accounts.map((account) => account.name);
    const live = await inventory();
    expect(live.accounts).toEqual([...expectedAccounts].sort());
    expect(live.containers).toEqual(expectedAccounts.flatMap((name) => [`${name}/data`, `${name}/logs`]).sort());
    const granted = environment.storage.accounts.filter((account) => account.roleAssignments.length > 0);
    expect(live.grants).toHaveLength(granted.length);
  });
});
