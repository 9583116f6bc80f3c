// A `failOperation` fault: the long-running operation starts, then ends Failed with an ARM code and commits nothing.
import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, SEED, startEmulator } from "../src/index.ts";

let emulator: Emulator;
let storage: StorageManagementClient;

const account = { location: "westeurope", sku: { name: "Standard_LRS" }, kind: "StorageV2" } as const;
const fastPolls = { updateIntervalInMs: 10 };

beforeAll(async () => {
  emulator = await startEmulator();
  const credential = new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
  storage = new StorageManagementClient(credential, SEED.subscription1, { endpoint: emulator.url });
  await new ResourceManagementClient(credential, SEED.subscription1, {
    endpoint: emulator.url,
  }).resourceGroups.createOrUpdate("rg-lro", { location: "westeurope" });
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.config({ lro: { style: "location" } });
});

describe("failOperation faults", () => {
  it("Location style: the final poll answers the error, the SDK throws a RestError with the ARM code", async () => {
    await emulator.admin.addFault({
      method: "PUT",
      path: "/storageAccounts/lrofail1\\?",
      failOperation: true,
      code: "StorageAccountProvisioningFailed",
      message: "The storage account could not be provisioned.",
      count: 1,
    });
    const error = await storage.storageAccounts
      .beginCreateAndWait("rg-lro", "lrofail1", account, fastPolls)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "RestError", code: "StorageAccountProvisioningFailed", statusCode: 400 });
    // Nothing was committed: the account does not exist, and a retry (the fault is used up) creates it.
    await expect(storage.storageAccounts.getProperties("rg-lro", "lrofail1")).rejects.toMatchObject({
      statusCode: 404,
    });
    await storage.storageAccounts.beginCreateAndWait("rg-lro", "lrofail1", account, fastPolls);
    expect((await storage.storageAccounts.getProperties("rg-lro", "lrofail1")).name).toBe("lrofail1");
  });

  it("Azure-AsyncOperation style: status Failed with the error; also when the configured style is synchronous", async () => {
    await emulator.admin.config({ lro: { style: "azure-async-operation" } });
    await emulator.admin.addFault({ method: "PUT", path: "/storageAccounts/lrofail2\\?", failOperation: true });
    await expect(storage.storageAccounts.beginCreateAndWait("rg-lro", "lrofail2", account, fastPolls)).rejects.toThrow(
      /long-running operation has failed\. InternalOperationError/,
    );

    await emulator.admin.config({ lro: { style: "synchronous" } });
    await expect(
      storage.storageAccounts.beginCreateAndWait("rg-lro", "lrofail2", account, fastPolls),
    ).rejects.toMatchObject({ code: "InternalOperationError" });
    const log = await emulator.admin.requests();
    expect(log.filter((entry) => /operationStatuses/.test(entry.path)).length).toBeGreaterThan(0);
  });
});
