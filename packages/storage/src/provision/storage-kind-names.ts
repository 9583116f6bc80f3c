/** Kind keys of the storage task (ARM resource types). */
export const STORAGE_KINDS = {
  account: "Microsoft.Storage/storageAccounts",
  blobService: "Microsoft.Storage/storageAccounts/blobServices",
  fileService: "Microsoft.Storage/storageAccounts/fileServices",
  container: "Microsoft.Storage/storageAccounts/blobServices/containers",
  managementPolicy: "Microsoft.Storage/storageAccounts/managementPolicies",
  roleAssignment: "Microsoft.Authorization/roleAssignments",
} as const;
