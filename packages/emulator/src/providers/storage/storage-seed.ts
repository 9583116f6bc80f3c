import type { SeedContext } from "../../arm/contract.ts";
import { writeContainer } from "./blob-container.ts";
import { writeDataService } from "./data-services.ts";
import { newKeysRecord } from "./storage-account-keys.ts";
import { claimAccountName } from "./storage-account-name-index.ts";
import { buildStorageAccount, STORAGE_ACCOUNT_TYPE } from "./storage-account-resource.ts";

/** Stable names of the brownfield storage seed (documented in the package README). */
export const LEGACY_STORAGE = {
  accountName: "legacydata001",
  containerName: "public-assets",
  /** An account made years ago: old keys, old creation time. */
  createdAt: new Date("2021-03-18T04:42:22.432Z"),
} as const;

/**
 * The brownfield an audit should find: an account nobody owns (no tags) with anonymous blob access allowed, TLS 1.0,
 * shared key on, no blob or container soft delete, and a container open to anonymous reads.
 */
export function seedLegacyStorage(seed: SeedContext): void {
  const { store, ids } = seed;
  const groupId = `/subscriptions/${ids.subscription1}/resourceGroups/${ids.legacyResourceGroup}`;
  if (!store.has(groupId)) {
    // The core seed normally creates the group first; this keeps the account from being orphaned if it did not.
    store.put({
      id: groupId,
      name: ids.legacyResourceGroup,
      type: "Microsoft.Resources/resourceGroups",
      location: ids.location,
      properties: { provisioningState: "Succeeded" },
    });
  }
  const accountId = `${groupId}/providers/${STORAGE_ACCOUNT_TYPE}/${LEGACY_STORAGE.accountName}`;
  const account = buildStorageAccount({
    id: accountId,
    name: LEGACY_STORAGE.accountName,
    apiVersion: "2021-04-01",
    tenantId: ids.tenantId,
    now: LEGACY_STORAGE.createdAt,
    request: {
      location: ids.location,
      kind: "StorageV2",
      skuName: "Standard_LRS",
      tags: undefined,
      properties: { allowBlobPublicAccess: true, minimumTlsVersion: "TLS1_0", allowSharedKeyAccess: true },
      extendedLocation: undefined,
      identity: undefined,
    },
  });
  store.put(account);
  claimAccountName(store, LEGACY_STORAGE.accountName, accountId);
  store.put(newKeysRecord(accountId));
  const blobSettings = {
    properties: { deleteRetentionPolicy: { enabled: false }, containerDeleteRetentionPolicy: { enabled: false } },
  };
  store.put(writeDataService(accountId, "blobServices", undefined, blobSettings).record);
  const container = writeContainer(
    accountId,
    LEGACY_STORAGE.containerName,
    undefined,
    { properties: { publicAccess: "Container" } },
    "put",
    LEGACY_STORAGE.createdAt,
  );
  store.put(container.record);
}
