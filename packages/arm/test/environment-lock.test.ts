import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { type AzureContext, connectAzure } from "@infra/auth";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvironmentLock } from "../src/environment-lock.ts";
import { EnvironmentLockedError } from "../src/lock-errors.ts";
import { type LockHolder, thisRun } from "../src/lock-holder.ts";
import { lockHome } from "../src/lock-home.ts";

let emulator: Emulator;
let ops: AzureContext;
let github: AzureContext;
const environment = { name: "locked", namingPrefix: "lk", resourceGroups: [{ name: "rg-locked" }] };
const home = lockHome(environment, SEED.subscription1)!;

const lockFor = (azure: AzureContext, leaseSeconds = 15) =>
  new EnvironmentLock({ azure, environment: "locked", home, leaseSeconds });
const holder = (principal: string): LockHolder => thisRun(principal, "provision", {});

beforeAll(async () => {
  emulator = await startEmulator();
  ops = await connectAzure({ task: "arm-test", env: emulator.env("ops") });
  github = await connectAzure({ task: "arm-test", env: emulator.env("github") });
  const storage = new StorageManagementClient(ops.credential, SEED.subscription1, ops.clientOptions);
  await new ResourceManagementClient(
    ops.credential,
    SEED.subscription1,
    ops.clientOptions,
  ).resourceGroups.createOrUpdate("rg-locked", { location: "westeurope" });
  await storage.storageAccounts.create("rg-locked", home.accountName, {
    location: "westeurope",
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
  });
});
afterAll(async () => {
  await emulator?.close();
});

describe("the environment lock: a lease on the lock account's apply-lock container", () => {
  it("is derived from the environment: the first group, the prefix and 6 hex of subscription and name", () => {
    expect(home.accountName).toMatch(/^lklock[0-9a-f]{6}$/);
    expect(home.resourceGroup).toBe("rg-locked");
    expect(lockHome({ ...environment, resourceGroups: [] }, SEED.subscription1)).toBeUndefined();
    expect(lockHome(environment, SEED.subscription2)?.accountName).not.toBe(home.accountName);
  });

  it("one holder at a time: the second is refused at once, naming the first; after release the second takes it", async () => {
    const first = lockFor(ops);
    expect(await first.homeExists()).toBe(true);
    await first.acquire(holder("service principal app ops"));
    const second = lockFor(github);
    const refused = await second.acquire(holder("service principal app github")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EnvironmentLockedError);
    expect((refused as Error).message).toMatch(
      /environment "locked" is being changed by provision by service principal app ops on .+ \(pid \d+\), since /,
    );
    expect((await second.status()).state).toBe("Leased");
    await first.release();
    expect((await second.status()).state).toBe("Available");
    await second.acquire(holder("service principal app github"));
    await second.release();
  });

  it.each([
    { while: "the lease is being taken", method: "POST", path: "/containers/apply-lock/lease\\?" },
    { while: "the holder is being written", method: "PATCH", path: "/containers/apply-lock\\?" },
  ])("a stop that comes while $while: acquire throws and the lock is not left held", async ({ method, path }) => {
    await emulator.admin.addFault({ method, path, delayMs: 600, count: 1 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error("stopped by SIGTERM")), 150);
    const taking = lockFor(ops).acquire(holder("service principal app ops"), stop.signal);
    expect(await taking.catch((error: unknown) => error)).toBeInstanceOf(Error);
    // A request abandoned in flight still lands: wait until the delayed one has, then look.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await lockFor(github).status()).state).toBe("Available");
  });

  it("a broken lock is reported lost to its holder at its next renewal, and the breaker names who held it", async () => {
    const held = lockFor(ops);
    await held.acquire(holder("service principal app ops"));
    const lost = new Promise<Error>((resolve) => held.keepRenewing(resolve));
    const broken = await lockFor(github).breakIt();
    expect(broken.holder?.principal).toBe("service principal app ops");
    expect((await lost).name).toBe("LockLostError");
    await held.release();
  }, 20_000);
});
