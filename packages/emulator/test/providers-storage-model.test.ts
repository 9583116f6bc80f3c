import { describe, expect, it } from "vitest";
import { MemoryResourceStore } from "../src/arm/resource-store.ts";
import { listKeysBody, newKeysRecord, withRegeneratedKey } from "../src/providers/storage/storage-account-keys.ts";
import { checkAccountName } from "../src/providers/storage/storage-account-name.ts";
import { accountIdForName, claimAccountName } from "../src/providers/storage/storage-account-name-index.ts";
import { parseStorageAccountCreate } from "../src/providers/storage/storage-account-request.ts";
import {
  buildStorageAccount,
  patchStorageAccount,
  withKeyCreationTime,
} from "../src/providers/storage/storage-account-resource.ts";

const ID = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct1";
const NOW = new Date("2026-01-02T03:04:05.678Z");

function account(apiVersion: string, body: Record<string, unknown>) {
  const request = parseStorageAccountCreate({
    location: "West Europe",
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    ...body,
  });
  return buildStorageAccount({ id: ID, name: "acct1", apiVersion, tenantId: "t1", now: NOW, request });
}

describe("checkNameAvailability", () => {
  it.each([
    ["ab", false, "AccountNameInvalid"],
    ["a".repeat(25), false, "AccountNameInvalid"],
    ["Upper123", false, "AccountNameInvalid"],
    ["with-dash", false, "AccountNameInvalid"],
    ["abc", true, undefined],
    ["a".repeat(24), true, undefined],
  ])("%s -> available=%s reason=%s", (name, available, reason) => {
    const result = checkAccountName(name, false);
    expect(result.nameAvailable).toBe(available);
    if (!result.nameAvailable) {
      expect(result.reason).toBe(reason);
      expect(result.message).toBe(
        `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
      );
    }
  });

  it("reports a taken name as AlreadyExists", () => {
    expect(checkAccountName("taken1", true)).toEqual({
      nameAvailable: false,
      reason: "AlreadyExists",
      message: "The storage account named taken1 is already taken.",
    });
  });

  it("treats a name whose account is gone as free", () => {
    const store = new MemoryResourceStore();
    claimAccountName(store, "acct1", ID);
    expect(accountIdForName(store, "acct1")).toBeUndefined();
    store.put({ id: ID, name: "acct1", type: "Microsoft.Storage/storageAccounts" });
    expect(accountIdForName(store, "ACCT1")).toBe(ID);
  });
});

describe("storage account defaults by api-version", () => {
  it.each([
    ["2018-02-01", false, undefined, "TLS1_0"],
    ["2022-09-01", true, false, "TLS1_0"],
    ["2025-08-01", true, false, "TLS1_2"],
    ["2026-09-01", true, false, "TLS1_2"],
  ])("%s: https-only %s, blob public access %s, TLS %s", (apiVersion, https, publicAccess, tls) => {
    const p = account(apiVersion, {}).properties ?? {};
    expect(p.supportsHttpsTrafficOnly).toBe(https);
    expect(p.allowBlobPublicAccess).toBe(publicAccess);
    expect(p.minimumTlsVersion).toBe(tls);
    expect(p.allowSharedKeyAccess).toBeUndefined();
  });

  it("keeps what the caller sent over the defaults", () => {
    const p = account("2026-09-01", {
      properties: { allowBlobPublicAccess: true, minimumTlsVersion: "TLS1_1" },
    }).properties;
    expect(p?.allowBlobPublicAccess).toBe(true);
    expect(p?.minimumTlsVersion).toBe("TLS1_1");
  });

  it("computes endpoints, times, location, tier and encryption", () => {
    const a = account("2026-09-01", { tags: { a: "1" }, properties: { creationTime: "ignored" } });
    expect(a.location).toBe("westeurope");
    expect(a.sku).toEqual({ name: "Standard_LRS", tier: "Standard" });
    expect(a.tags).toEqual({ a: "1" });
    const p = a.properties ?? {};
    expect(p.creationTime).toBe("2026-01-02T03:04:05.6780000Z");
    expect(p.keyCreationTime).toEqual({ key1: p.creationTime, key2: p.creationTime });
    expect(p.provisioningState).toBe("Succeeded");
    expect(p.accessTier).toBe("Hot");
    expect(p.primaryEndpoints).toMatchObject({
      blob: "https://acct1.blob.core.windows.net/",
      dfs: "https://acct1.dfs.core.windows.net/",
    });
    expect(p.secondaryLocation).toBeUndefined();
    expect(p.encryption).toMatchObject({
      keySource: "Microsoft.Storage",
      services: { blob: { enabled: true }, file: { enabled: true } },
    });
  });

  it("adds the paired region, and secondary endpoints only for read-access geo-redundancy", () => {
    const grs = account("2026-09-01", { sku: { name: "Standard_GRS" } }).properties ?? {};
    expect(grs.secondaryLocation).toBe("northeurope");
    expect(grs.secondaryEndpoints).toBeUndefined();
    const ragrs = account("2026-09-01", { sku: { name: "Standard_RAGRS" } }).properties ?? {};
    expect(ragrs.secondaryEndpoints).toMatchObject({ blob: "https://acct1-secondary.blob.core.windows.net/" });
  });

  it.each([
    [{ kind: "StorageV2", sku: { name: "Standard_LRS" } }, "LocationRequired", { location: "" }],
    [{ location: "eastus", kind: "StorageV2" }, "InvalidRequestContent", {}],
    [{ location: "eastus", sku: { name: "Standard_LRS" }, kind: "Weird" }, "InvalidRequestContent", {}],
  ])("rejects %j with %s", (body, code, extra) => {
    expect(() => parseStorageAccountCreate({ ...body, ...extra })).toThrow(expect.objectContaining({ code }));
  });
});

describe("PATCH merge semantics", () => {
  it("replaces tags as a whole and merges properties one level deep", () => {
    const before = account("2026-09-01", { tags: { a: "1", b: "2" }, properties: { allowSharedKeyAccess: true } });
    const after = patchStorageAccount(
      before,
      { tags: { c: "3" }, properties: { minimumTlsVersion: "TLS1_2" } },
      "t1",
      NOW,
    );
    expect(after.tags).toEqual({ c: "3" });
    expect(after.properties?.allowSharedKeyAccess).toBe(true);
    expect(after.properties?.minimumTlsVersion).toBe("TLS1_2");
    expect(after.properties?.creationTime).toBe(before.properties?.creationTime);
  });

  it("keeps tags when the patch has none and recomputes geo properties on a sku change", () => {
    const before = account("2026-09-01", { tags: { a: "1" } });
    const after = patchStorageAccount(before, { sku: { name: "Standard_RAGRS" } }, "t1", NOW);
    expect(after.tags).toEqual({ a: "1" });
    expect(after.properties?.secondaryLocation).toBe("northeurope");
  });
});

describe("keys", () => {
  it("regenerates one key and updates only its creation time", () => {
    const record = newKeysRecord(ID);
    const created = account("2026-09-01", {});
    const before = listKeysBody(record, created).keys;
    expect(before.map((k) => k.value.length)).toEqual([88, 88]);
    const later = new Date("2026-02-01T00:00:00.000Z");
    const renewed = withKeyCreationTime(created, "key2", later);
    const after = listKeysBody(withRegeneratedKey(record, "key2"), renewed).keys;
    expect(after[0]?.value).toBe(before[0]?.value);
    expect(after[1]?.value).not.toBe(before[1]?.value);
    expect(renewed.properties?.keyCreationTime).toEqual({
      key1: "2026-01-02T03:04:05.6780000Z",
      key2: "2026-02-01T00:00:00.0000000Z",
    });
    expect(after.map((k) => k.creationTime)).toEqual(["2026-01-02T03:04:05.6780000Z", "2026-02-01T00:00:00.0000000Z"]);
  });
});
