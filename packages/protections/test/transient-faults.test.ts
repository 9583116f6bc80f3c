// Provisioning under transient ARM faults (503, 429 with Retry-After, connection resets) converges in one run.
import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import { startSignedInEmulator } from "@infra/auth/testing";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingChanges, provisionEnvironment } from "./support/in-process-provision.ts";
import { provisionedAccountNames, suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let azure: AzureContext;
const environment = suiteEnvironment("transient");

beforeAll(async () => {
  ({ emulator, azure } = await startSignedInEmulator({ task: "protections" }));
});
afterAll(async () => {
  await emulator?.close();
});

describe("transient faults on ~20% of ARM requests", () => {
  // Protection: the ARM pipeline's retry policy (@infra/auth armClientOptions().retryOptions, maxRetries 6).
  // Checked: with maxRetries 0 there, changes fail and this case fails.
  it("provision converges in one run: no failed change, and a re-plan is empty", async () => {
    // One of each kind for sure (on different requests), then ~20% of every ARM request at random. Only ARM paths:
    // the identity endpoints have their own (MSAL) retry rules, not what this case is about.
    await emulator.admin.addFault({ method: "PUT", path: "/resourcegroups/", status: 503, count: 1 });
    await emulator.admin.addFault({
      method: "PUT",
      path: "/storageAccounts/[^/]+\\?",
      status: 429,
      retryAfterSeconds: 1,
      count: 1,
    });
    await emulator.admin.addFault({ method: "PUT", path: "/blobServices/default\\?", reset: true, count: 1 });
    await emulator.admin.addFault({ path: "^/subscriptions/", status: 503, probability: 0.1 });
    await emulator.admin.addFault({ path: "^/subscriptions/", status: 429, retryAfterSeconds: 1, probability: 0.06 });
    await emulator.admin.addFault({ path: "^/subscriptions/", reset: true, probability: 0.06 });
    await emulator.admin.clearRequests();

    const result = await provisionEnvironment(azure, environment);
    const log = await emulator.admin.requests();
    await emulator.admin.clearFaults();

    expect(result.failed.map(({ item, error }) => `${item.address}: ${String(error)}`)).toEqual([]);
    expect(result.skipped).toEqual([]);
    const faulted = log.filter((entry) => entry.fault !== undefined);
    // The faults really bit, in each kind (a reset is logged with status 0).
    expect(faulted.length / log.filter((entry) => entry.path.startsWith("/subscriptions/")).length).toBeGreaterThan(
      0.1,
    );
    expect(new Set(faulted.map((entry) => entry.status))).toEqual(new Set([503, 429, 0]));

    expect(await pendingChanges(azure, environment)).toEqual([]);
    const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
    const names: string[] = [];
    for await (const account of storage.storageAccounts.list()) names.push(account.name ?? "");
    expect(names.filter((name) => name.startsWith("transien")).sort()).toEqual(provisionedAccountNames(environment));
  });
});
