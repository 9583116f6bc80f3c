import { accountLocationOf, isNotFound, lastSegment, ownedOrWanted, storageAddress } from "@infra/arm";
import type { DesiredResource, ResourceKind, WireObject } from "@infra/plan";
import { accountContainers } from "./account-containers.ts";
import { ownershipFromMetadata } from "./container-ownership.ts";
import { existingAccounts } from "./existing-accounts.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/**
 * Blob containers, per account (account-containers.ts); ownership is kept in the container's metadata (containers
 * have no tags).
 */
export function blobContainerKind(options: StorageKindOptions): ResourceKind {
  const client = storageClient(options.azure);
  const ownershipOf = (body: WireObject) =>
    ownershipFromMetadata((body.properties as WireObject | undefined)?.metadata);
  const settingsOf = (desired: DesiredResource) => (desired.properties.properties ?? {}) as WireObject;
  return {
    kind: STORAGE_KINDS.container,
    tagsPath: null,
    caseInsensitivePaths: ["properties.publicAccess"],
    wholeMapPaths: ["properties.metadata"],
    readOwnership: (live) => ownershipOf(live.body),
    addressOf: (live) => storageAddress.container(accountLocationOf(live.id).name, lastSegment(live.id)),
    async readLive(request) {
      const lists = await Promise.all(
        (await existingAccounts(options, request.signal)).map(async (account) => {
          try {
            return await accountContainers(client, account.resourceGroup, account.name, request.signal);
          } catch (error) {
            // The account does not exist yet: it has no containers.
            if (isNotFound(error)) return [];
            throw error;
          }
        }),
      );
      return ownedOrWanted(STORAGE_KINDS.container, lists.flat(), request, ownershipOf);
    },
    async create(desired, signal) {
      const { resourceGroup, name } = accountLocationOf(desired.id);
      await client.blobContainers.create(resourceGroup, name, desired.name, settingsOf(desired), {
        abortSignal: signal,
      });
    },
    async update(desired, _live, _diff, signal) {
      const { resourceGroup, name } = accountLocationOf(desired.id);
      await client.blobContainers.update(resourceGroup, name, desired.name, settingsOf(desired), {
        abortSignal: signal,
      });
    },
    async delete(live, signal) {
      const { resourceGroup, name } = accountLocationOf(live.id);
      await client.blobContainers.delete(resourceGroup, name, lastSegment(live.id), { abortSignal: signal });
    },
  };
}
