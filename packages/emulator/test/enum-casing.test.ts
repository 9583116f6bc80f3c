import { ManagementLockClient } from "@azure/arm-locks";
import { ResourceManagementClient } from "@azure/arm-resources";
import { type AccessTier, type PublicAccess, StorageManagementClient } from "@azure/arm-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../src/seed/seed-ids.ts";
import { type EmulatorSession, openSession } from "./support/emulator-session.ts";

/**
 * ARM reads enum values case-insensitively and answers them in canonical casing: az 2.45 sends
 * `"publicAccess": "blob"` and Azure stores and returns `"Blob"` (recorded in the Azure CLI's container-rm test).
 * Each case sends a lower-cased value through a real client and expects the canonical one back.
 */
let session: EmulatorSession;
let storage: StorageManagementClient;
let locks: ManagementLockClient;
let resources: ResourceManagementClient;
const sub = SEED.subscription1;
const RG = "rg-enum-casing";
const ACCOUNT = "enumcasing001";
/** arm-storage types some enums as closed unions; the wire, like ARM, takes any casing. */
const onTheWire = <T>(value: string): T => value as unknown as T;

beforeAll(async () => {
  session = await openSession({ lroStyle: "synchronous" });
  storage = new StorageManagementClient(session.credential, sub, session.clientOptions);
  locks = new ManagementLockClient(session.credential, sub, session.clientOptions);
  resources = new ResourceManagementClient(session.credential, sub, session.clientOptions);
  await resources.resourceGroups.createOrUpdate(RG, { location: "westeurope" });
});
afterAll(async () => {
  await session?.close();
});

describe("enum values sent in another casing", () => {
  it("a storage account's kind, sku, access tier and TLS version come back canonical", async () => {
    const account = await storage.storageAccounts.beginCreateAndWait(RG, ACCOUNT, {
      location: "westeurope",
      kind: "storagev2",
      sku: { name: "standard_lrs" },
      accessTier: onTheWire<AccessTier>("cool"),
      minimumTlsVersion: "tls1_2",
      allowBlobPublicAccess: true,
    });
    expect([account.kind, account.sku?.name, account.accessTier, account.minimumTlsVersion]).toEqual([
      "StorageV2",
      "Standard_LRS",
      "Cool",
      "TLS1_2",
    ]);
    const read = await storage.storageAccounts.getProperties(RG, ACCOUNT);
    expect([read.kind, read.sku?.name, read.accessTier]).toEqual(["StorageV2", "Standard_LRS", "Cool"]);
  });

  it.each([
    ["blob", "Blob"],
    ["CONTAINER", "Container"],
    ["none", "None"],
  ])("a container created with publicAccess %j is stored as %j", async (sent, canonical) => {
    const name = `c-${sent.toLowerCase()}`;
    const created = await storage.blobContainers.create(RG, ACCOUNT, name, {
      publicAccess: onTheWire<PublicAccess>(sent),
    });
    expect(created.publicAccess).toBe(canonical);
    expect((await storage.blobContainers.get(RG, ACCOUNT, name)).publicAccess).toBe(canonical);
  });

  it("an unknown publicAccess value is still refused with 400", async () => {
    await expect(
      storage.blobContainers.create(RG, ACCOUNT, "c-bad", { publicAccess: onTheWire<PublicAccess>("everyone") }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("a lock level 'readonly' is stored as ReadOnly, and the lock blocks a write as a ReadOnly lock does", async () => {
    const lock = await locks.managementLocks.createOrUpdateAtResourceGroupLevel(RG, "freeze", { level: "readonly" });
    expect(lock.level).toBe("ReadOnly");
    await expect(
      resources.resourceGroups.createOrUpdate(RG, { location: "westeurope", tags: { blocked: "yes" } }),
    ).rejects.toMatchObject({ statusCode: 409, code: "ScopeLocked" });
    await locks.managementLocks.deleteAtResourceGroupLevel(RG, "freeze");
  });

  it("a tags PATCH with operation 'MERGE' merges into the subscription's tags", async () => {
    const scope = `/subscriptions/${sub}`;
    await resources.tagsOperations.createOrUpdateAtScope(scope, { properties: { tags: { team: "ops" } } });
    const merged = await resources.tagsOperations.updateAtScope(scope, {
      operation: "MERGE",
      properties: { tags: { env: "prod" } },
    });
    expect(merged.properties?.tags).toEqual({ team: "ops", env: "prod" });
    expect(merged.id).toBe(`${scope}/providers/Microsoft.Resources/tags/default`);
    expect((await resources.tagsOperations.getAtScope(scope)).properties?.tags).toEqual({ team: "ops", env: "prod" });
  });
});

describe("locks on a resource through createOrUpdateAtResourceLevel", () => {
  it("an empty parent resource path gives the resource's id without an empty segment, and no null notes or owners", async () => {
    const lock = await locks.managementLocks.createOrUpdateAtResourceLevel(
      RG,
      "Microsoft.Storage",
      "",
      "storageAccounts",
      ACCOUNT,
      "keep",
      { level: "CanNotDelete" },
    );
    // ARM echoes the request's `resourcegroups` casing in a resource-level lock's id (recorded in the Azure CLI's
    // test_cannotdelete_resource_lock); what it must not echo is the empty parent segment.
    const accountId = `/subscriptions/${sub}/resourcegroups/${RG}/providers/Microsoft.Storage/storageAccounts/${ACCOUNT}`;
    expect(lock.id).toBe(`${accountId}/providers/Microsoft.Authorization/locks/keep`);
    expect(lock).not.toHaveProperty("notes");
    expect(lock).not.toHaveProperty("owners");
    const listed = [];
    for await (const l of locks.managementLocks.listAtResourceLevel(
      RG,
      "Microsoft.Storage",
      "",
      "storageAccounts",
      ACCOUNT,
    )) {
      listed.push(l.id);
    }
    expect(listed).toEqual([lock.id]);
    await expect(storage.storageAccounts.delete(RG, ACCOUNT)).rejects.toMatchObject({
      statusCode: 409,
      code: "ScopeLocked",
    });
    // The request went out with the empty segment; the emulator answered for the account.
    const log = await session.requests();
    expect(log.some((e) => e.method === "PUT" && e.path.includes("/Microsoft.Storage//storageAccounts/"))).toBe(true);
    await locks.managementLocks.deleteAtResourceLevel(RG, "Microsoft.Storage", "", "storageAccounts", ACCOUNT, "keep");
  });
});
