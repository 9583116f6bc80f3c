import type { ArmProvider } from "../../arm/contract.ts";
import { operationsListRoute } from "../../arm/operations-list.ts";
import { accountItemRoutes } from "./account-item-routes.ts";
import { blobContainerRoutes } from "./blob-container-routes.ts";
import { storageAccountRoutes } from "./storage-account-routes.ts";
import { storageKeyRoutes } from "./storage-key-routes.ts";
import { STORAGE_OPERATIONS } from "./storage-operations.ts";
import { seedLegacyStorage } from "./storage-seed.ts";
import { storageServiceRoutes } from "./storage-service-routes.ts";

/**
 * Microsoft.Storage: accounts, keys, blob/file service settings, blob containers, file shares, queues, tables,
 * lifecycle management policies.
 */
export const storageProvider: ArmProvider = {
  name: "Microsoft.Storage",
  routes: [
    ...storageAccountRoutes,
    ...storageKeyRoutes,
    ...storageServiceRoutes,
    ...blobContainerRoutes,
    ...accountItemRoutes,
    operationsListRoute("Microsoft.Storage", STORAGE_OPERATIONS),
  ],
  seed: seedLegacyStorage,
};

export { checkAccountName, isValidAccountName } from "./storage-account-name.ts";
export { LEGACY_STORAGE, seedLegacyStorage } from "./storage-seed.ts";
