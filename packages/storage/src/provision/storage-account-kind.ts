import { accountLocationOf, ownedOrWanted, storageAddress } from "@infra/arm";
import { ownershipFromTags, type ResourceKind } from "@infra/plan";
import { accountContentsReader } from "./account-contents.ts";
import { accountDirectory } from "./account-directory.ts";
import { accountCreateModel, accountPatchModel } from "./account-model.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/**
 * Storage accounts: one paged list per subscription per read (per group where ARM refuses that); create is the long-running PUT with the whole baseline
 * (infrastructure encryption can only be chosen then); update is a PATCH of only what differs.
 */
export function storageAccountKind(
  options: Pick<StorageKindOptions, "azure" | "pollIntervalMs" | "directory" | "resourceGroups">,
): ResourceKind {
  const client = storageClient(options.azure);
  const directory = options.directory ?? accountDirectory(client, options.resourceGroups);
  const poll = options.pollIntervalMs === undefined ? {} : { updateIntervalInMs: options.pollIntervalMs };
  return {
    kind: STORAGE_KINDS.account,
    immutablePaths: ["kind", "location", "properties.encryption.requireInfrastructureEncryption"],
    caseInsensitivePaths: [
      "kind",
      "sku.name",
      "properties.minimumTlsVersion",
      "properties.publicNetworkAccess",
      "properties.allowedCopyScope",
      "properties.networkAcls.defaultAction",
      "properties.networkAcls.bypass",
      "properties.encryption.keySource",
      "properties.encryption.services.blob.keyType",
      "properties.encryption.services.file.keyType",
      "properties.sasPolicy.expirationAction",
    ],
    unorderedArrayPaths: ["properties.networkAcls.ipRules", "properties.networkAcls.virtualNetworkRules"],
    async readLive(request) {
      const accounts = await directory.list(request.signal);
      return ownedOrWanted(STORAGE_KINDS.account, accounts, request, (body) => ownershipFromTags(body.tags));
    },
    readContents: accountContentsReader(options.azure),
    addressOf: (live) => storageAddress.account(accountLocationOf(live.id).name),
    async create(desired, signal) {
      const { resourceGroup, name } = accountLocationOf(desired.id);
      await client.storageAccounts.beginCreateAndWait(resourceGroup, name, accountCreateModel(desired.properties), {
        abortSignal: signal,
        ...poll,
      });
    },
    async update(desired, _live, diff, signal) {
      const { resourceGroup, name } = accountLocationOf(desired.id);
      const patch = accountPatchModel(
        desired.properties,
        diff.map((change) => change.path),
      );
      await client.storageAccounts.update(resourceGroup, name, patch, { abortSignal: signal });
    },
    async delete(live, signal) {
      const { resourceGroup, name } = accountLocationOf(live.id);
      await client.storageAccounts.delete(resourceGroup, name, { abortSignal: signal });
    },
  };
}
