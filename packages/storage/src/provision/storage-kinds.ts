import type { ResourceKind } from "@infra/plan";
import { accountDirectory } from "./account-directory.ts";
import { blobContainerKind } from "./blob-container-kind.ts";
import { blobServiceKind } from "./blob-service-kind.ts";
import { fileServiceKind } from "./file-service-kind.ts";
import { managementPolicyKind } from "./management-policy-kind.ts";
import { roleAssignmentKind } from "./role-assignment-kind.ts";
import { storageAccountKind } from "./storage-account-kind.ts";
import { storageClient } from "./storage-clients.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/** Every kind the storage task reads and writes. */
export function storageKinds(options: StorageKindOptions): ResourceKind[] {
  options = {
    ...options,
    directory: options.directory ?? accountDirectory(storageClient(options.azure), options.resourceGroups),
  };
  return [
    storageAccountKind(options),
    blobServiceKind(options),
    fileServiceKind(options),
    blobContainerKind(options),
    managementPolicyKind(options),
    roleAssignmentKind(options),
  ];
}
