import { storageAddress } from "@infra/arm";
import type { ResourceKind } from "@infra/plan";
import { accountServiceKind } from "./account-service-kind.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/** fileServices/default: share soft delete and SMB hardening (3.1.1 only, AES-256-GCM channel encryption). */
export function fileServiceKind(options: StorageKindOptions): ResourceKind {
  const client = storageClient(options.azure);
  return accountServiceKind(
    options,
    STORAGE_KINDS.fileService,
    "fileServices",
    {
      get: (group, account, signal) =>
        client.fileServices.getServiceProperties(group, account, { abortSignal: signal }),
      set: (group, account, settings, signal) =>
        client.fileServices.setServiceProperties(group, account, settings, { abortSignal: signal }),
    },
    storageAddress.fileService,
  );
}
