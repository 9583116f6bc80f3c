import { storageAddress } from "@infra/arm";
import type { ResourceKind } from "@infra/plan";
import { accountServiceKind } from "./account-service-kind.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/** blobServices/default: blob and container soft delete, versioning. */
export function blobServiceKind(options: StorageKindOptions): ResourceKind {
  const client = storageClient(options.azure);
  return accountServiceKind(
    options,
    STORAGE_KINDS.blobService,
    "blobServices",
    {
      get: (group, account, signal) =>
        client.blobServices.getServiceProperties(group, account, { abortSignal: signal }),
      set: (group, account, settings, signal) =>
        client.blobServices.setServiceProperties(group, account, settings, { abortSignal: signal }),
    },
    storageAddress.blobService,
  );
}
