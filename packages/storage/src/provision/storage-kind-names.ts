/** Kind keys of the storage task (ARM resource types); its role assignments are @infra/arm's ROLE_ASSIGNMENT_KIND. */
export const STORAGE_KINDS = {
  account: "Microsoft.Storage/storageAccounts",
  blobService: "Microsoft.Storage/storageAccounts/blobServices",
  fileService: "Microsoft.Storage/storageAccounts/fileServices",
  container: "Microsoft.Storage/storageAccounts/blobServices/containers",
  managementPolicy: "Microsoft.Storage/storageAccounts/managementPolicies",
} as const;
