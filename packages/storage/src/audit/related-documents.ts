/** Names of the related documents collectors attach to each storage account (see AuditedResource.related). */
export const STORAGE_RELATED = {
  /** GET .../blobServices/default: the blob service properties document. */
  blobService: "blobService",
  /** GET .../fileServices/default: the file service properties document. */
  fileService: "fileService",
  /** GET .../blobServices/default/containers (all pages): an array of container resources. */
  containers: "containers",
  /** Microsoft.Authorization/locks that apply to the account (at account scope, which includes inherited locks). */
  locks: "locks",
} as const;

export const STORAGE_ACCOUNT_TYPE = "Microsoft.Storage/storageAccounts";
