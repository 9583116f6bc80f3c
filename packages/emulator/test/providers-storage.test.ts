import { StorageManagementClient } from "@azure/arm-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../src/seed/seed-ids.ts";
import { type EmulatorSession, openSession } from "./support/emulator-session.ts";

/** Every Microsoft.Storage operation the emulator serves, through the real @azure/arm-storage 21 client. */
let session: EmulatorSession;
let storage: StorageManagementClient;
let storage2: StorageManagementClient;
const RG = "rg-storage-sdk";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

beforeAll(async () => {
  session = await openSession();
  storage = new StorageManagementClient(session.credential, SEED.subscription1, session.clientOptions);
  storage2 = new StorageManagementClient(session.credential, SEED.subscription2, session.clientOptions);
  for (const sub of [SEED.subscription1, SEED.subscription2]) {
    const res = await session.request("PUT", `/subscriptions/${sub}/resourcegroups/${RG}?api-version=2025-04-01`, {
      location: "westeurope",
    });
    expect(res.status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await session?.close();
});

describe("storage accounts", () => {
  it.each(["sdkmicrosoft1", "windowsdata1", "loginstore1", "office"])(
    "refuses %s as ARM does: ReservedResourceName",
    async (name) => {
      await expect(
        storage.storageAccounts.create(RG, name, {
          location: "westeurope",
          kind: "StorageV2",
          sku: { name: "Standard_LRS" },
        }),
      ).rejects.toMatchObject({
        statusCode: 400,
        code: "ReservedResourceName",
        message: `The resource name '${name}' or a part of the name is a trademarked or reserved word.`,
      });
    },
  );

  it("creates an account (long-running) with the defaults and computed properties of api-version 2026-09-01", async () => {
    const account = await storage.storageAccounts.create(RG, "sdkacct001", {
      location: "westeurope",
      kind: "StorageV2",
      sku: { name: "Standard_RAGRS" },
      tags: { env: "test" },
      allowSharedKeyAccess: false,
    });
    expect(account.id).toBe(
      `/subscriptions/${SEED.subscription1}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/sdkacct001`,
    );
    expect(account.provisioningState).toBe("Succeeded");
    expect(account.allowBlobPublicAccess).toBe(false);
    expect(account.minimumTlsVersion).toBe("TLS1_2");
    expect(account.enableHttpsTrafficOnly).toBe(true);
    expect(account.allowSharedKeyAccess).toBe(false);
    expect(account.accessTier).toBe("Hot");
    expect(account.primaryEndpoints?.blob).toBe("https://sdkacct001.blob.core.windows.net/");
    expect(account.secondaryEndpoints?.blob).toBe("https://sdkacct001-secondary.blob.core.windows.net/");
    expect(account.secondaryLocation).toBe("northeurope");
    expect(account.creationTime).toBeInstanceOf(Date);
    expect(account.keyCreationTime?.key1).toBeInstanceOf(Date);
    expect(account.encryption?.services?.blob?.enabled).toBe(true);
    expect(account.sku?.tier).toBe("Standard");
    // Long-running in the default Location style: 202 first, then the poll the SDK follows to 200.
    const log = await session.requests();
    const put = log.filter((e) => e.method === "PUT" && e.path.split("?")[0]?.endsWith("/storageAccounts/sdkacct001"));
    expect(put.map((e) => e.status)).toEqual([202]);
  });

  it("gets, lists per subscription and group, and patches with tags replaced", async () => {
    const got = await storage.storageAccounts.getProperties(RG, "SDKACCT001");
    expect(got.name).toBe("sdkacct001");
    const all = await collect(storage.storageAccounts.list());
    expect(all.map((a) => a.name)).toContain("sdkacct001");
    expect(all.map((a) => a.name)).toContain("legacydata001");
    const inGroup = await collect(storage.storageAccounts.listByResourceGroup(RG));
    expect(inGroup.map((a) => a.name)).toEqual(["sdkacct001"]);
    const updated = await storage.storageAccounts.update(RG, "sdkacct001", {
      tags: { owner: "ops" },
      minimumTlsVersion: "TLS1_2",
      allowBlobPublicAccess: true,
    });
    expect(updated.tags).toEqual({ owner: "ops" });
    expect(updated.allowBlobPublicAccess).toBe(true);
    expect(updated.allowSharedKeyAccess).toBe(false);
    expect(updated.creationTime?.getTime()).toBe(got.creationTime?.getTime());
  });

  it("checks names: invalid, taken in any subscription, free", async () => {
    const invalid = await storage.storageAccounts.checkNameAvailability({
      name: "Bad-Name",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(invalid).toMatchObject({ nameAvailable: false, reason: "AccountNameInvalid" });
    const taken = await storage2.storageAccounts.checkNameAvailability({
      name: "sdkacct001",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(taken).toEqual({
      nameAvailable: false,
      reason: "AlreadyExists",
      message: "The storage account named sdkacct001 is already taken.",
    });
    const free = await storage.storageAccounts.checkNameAvailability({
      name: "freename123",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(free.nameAvailable).toBe(true);
  });

  it.each([
    ["Bad_Name", "AccountNameInvalid", 400, "subscription 1"],
    ["sdkacct001", "StorageAccountAlreadyTaken", 409, "subscription 2"],
  ])("refuses to create %s with %s (%i) in %s", async (name, code, status, where) => {
    const client = where === "subscription 1" ? storage : storage2;
    await expect(
      client.storageAccounts.create(RG, name, {
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
      }),
    ).rejects.toMatchObject({
      code,
      statusCode: status,
    });
  });

  it("lists keys and regenerates one, moving its keyCreationTime", async () => {
    const before = await storage.storageAccounts.listKeys(RG, "sdkacct001");
    expect(before.keys?.map((k) => k.keyName)).toEqual(["key1", "key2"]);
    const times = (await storage.storageAccounts.getProperties(RG, "sdkacct001")).keyCreationTime;
    const after = await storage.storageAccounts.regenerateKey(RG, "sdkacct001", { keyName: "key1" });
    expect(after.keys?.[0]?.value).not.toBe(before.keys?.[0]?.value);
    expect(after.keys?.[1]?.value).toBe(before.keys?.[1]?.value);
    const newTimes = (await storage.storageAccounts.getProperties(RG, "sdkacct001")).keyCreationTime;
    expect(newTimes?.key1?.getTime()).toBeGreaterThanOrEqual(times?.key1?.getTime() ?? 0);
    expect(newTimes?.key1?.toISOString()).not.toBe(times?.key1?.toISOString());
    expect(newTimes?.key2?.getTime()).toBe(times?.key2?.getTime());
  });
});

describe("blob and file services", () => {
  it("reads defaults, then writes soft delete settings that a GET shows", async () => {
    const defaults = await storage.blobServices.getServiceProperties(RG, "sdkacct001");
    expect(defaults.deleteRetentionPolicy?.enabled).toBe(false);
    expect(defaults.containerDeleteRetentionPolicy).toBeUndefined();
    await storage.blobServices.setServiceProperties(RG, "sdkacct001", {
      deleteRetentionPolicy: { enabled: true, days: 7 },
      containerDeleteRetentionPolicy: { enabled: true, days: 7 },
      isVersioningEnabled: true,
    });
    const after = await storage.blobServices.getServiceProperties(RG, "sdkacct001");
    expect(after.deleteRetentionPolicy).toMatchObject({ enabled: true, days: 7 });
    expect(after.containerDeleteRetentionPolicy).toMatchObject({ enabled: true, days: 7 });
    expect(after.isVersioningEnabled).toBe(true);
    expect(after.cors?.corsRules).toEqual([]);

    const files = await storage.fileServices.getServiceProperties(RG, "sdkacct001");
    expect(files.shareDeleteRetentionPolicy).toMatchObject({ enabled: true, days: 7 });
    await storage.fileServices.setServiceProperties(RG, "sdkacct001", {
      shareDeleteRetentionPolicy: { enabled: true, days: 30 },
    });
    expect((await storage.fileServices.getServiceProperties(RG, "sdkacct001")).shareDeleteRetentionPolicy?.days).toBe(
      30,
    );
  });
});

describe("blob containers", () => {
  it("creates (publicAccess None by default), gets, lists, updates and deletes", async () => {
    await storage.blobContainers.create(RG, "sdkacct001", "data", {});
    await storage.blobContainers.create(RG, "sdkacct001", "public", { publicAccess: "Blob" });
    const data = await storage.blobContainers.get(RG, "sdkacct001", "data");
    expect(data.publicAccess).toBe("None");
    expect(data.leaseState).toBe("Available");
    const listed = await collect(storage.blobContainers.list(RG, "sdkacct001"));
    expect(listed.map((c) => [c.name, c.publicAccess])).toEqual([
      ["data", "None"],
      ["public", "Blob"],
    ]);
    const updated = await storage.blobContainers.update(RG, "sdkacct001", "public", { publicAccess: "None" });
    expect(updated.publicAccess).toBe("None");
    await storage.blobContainers.delete(RG, "sdkacct001", "public");
    await expect(storage.blobContainers.get(RG, "sdkacct001", "public")).rejects.toMatchObject({
      statusCode: 404,
      code: "ContainerNotFound",
    });
  });

  it("refuses a public container when the account disallows anonymous access", async () => {
    await storage.storageAccounts.update(RG, "sdkacct001", { allowBlobPublicAccess: false });
    await expect(
      storage.blobContainers.create(RG, "sdkacct001", "open", { publicAccess: "Container" }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "PublicAccessNotPermitted",
    });
  });
});

describe("management policies", () => {
  it("puts, gets and deletes the default policy", async () => {
    const rule = {
      enabled: true,
      name: "expire",
      type: "Lifecycle" as const,
      definition: {
        filters: { blobTypes: ["blockBlob"] },
        actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 30 } } },
      },
    };
    await storage.managementPolicies.createOrUpdate(RG, "sdkacct001", "default", { policy: { rules: [rule] } });
    const got = await storage.managementPolicies.get(RG, "sdkacct001", "default");
    expect(got.policy?.rules?.[0]?.name).toBe("expire");
    expect(got.lastModifiedTime).toBeInstanceOf(Date);
    await storage.managementPolicies.delete(RG, "sdkacct001", "default");
    await expect(storage.managementPolicies.get(RG, "sdkacct001", "default")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("brownfield seed", () => {
  it("has a legacy account with audit findings and a public container", async () => {
    const legacy = await storage.storageAccounts.getProperties(SEED.legacyResourceGroup, "legacydata001");
    expect(legacy.allowBlobPublicAccess).toBe(true);
    expect(legacy.minimumTlsVersion).toBe("TLS1_0");
    expect(legacy.allowSharedKeyAccess).toBe(true);
    expect(legacy.tags).toEqual({});
    const blob = await storage.blobServices.getServiceProperties(SEED.legacyResourceGroup, "legacydata001");
    expect(blob.deleteRetentionPolicy?.enabled).toBe(false);
    expect(blob.containerDeleteRetentionPolicy?.enabled).toBe(false);
    const containers = await collect(storage.blobContainers.list(SEED.legacyResourceGroup, "legacydata001"));
    expect(containers.map((c) => c.publicAccess)).toContain("Container");
  });
});

describe("delete", () => {
  it("deletes the account, frees its name and answers 404 afterwards", async () => {
    await storage.storageAccounts.delete(RG, "sdkacct001");
    await expect(storage.storageAccounts.getProperties(RG, "sdkacct001")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
    const free = await storage2.storageAccounts.checkNameAvailability({
      name: "sdkacct001",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(free.nameAvailable).toBe(true);
    const log = await session.requests();
    expect(
      log.filter((e) => e.method === "DELETE" && e.path.split("?")[0]?.endsWith("/sdkacct001")).map((e) => e.status),
    ).toEqual([200]);
  });
});
