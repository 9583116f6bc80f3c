import { accountDirectory } from "./account-directory.ts";
import { storageClient } from "./storage-clients.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/** The environment's accounts that exist: only those have settings to read. */
export function existingAccounts(options: StorageKindOptions, signal: AbortSignal | undefined) {
  const directory = options.directory ?? accountDirectory(storageClient(options.azure), options.resourceGroups);
  return directory.existing(options.accounts, signal);
}
