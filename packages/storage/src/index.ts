export { createStorageAudit, type StorageAuditOptions, storageAudit } from "./audit/collect/storage-audit.ts";
export { STORAGE_ACCOUNT_TYPE, STORAGE_RELATED } from "./audit/related-documents.ts";
export type { StorageAuditContext } from "./audit/storage-audit-context.ts";
export { storageAuditContext } from "./audit/storage-audit-context.ts";
export type { StorageRule } from "./audit/storage-rule.ts";
export { storageRelatedDocuments, storageRules } from "./audit/storage-rules.ts";
export type { StorageNetworkMode } from "./baseline.ts";
export {
  BASELINE_RETENTION_DAYS,
  blobServiceBaseline,
  containerBaseline,
  fileServiceBaseline,
  protectedAccountLockBaseline,
  STORAGE_LIMITS,
  storageAccountBaseline,
  storageAccountKindBaseline,
  storageAccountPropertiesBaseline,
  storageNetworkBaseline,
} from "./baseline.ts";
export { accountCreateModel, accountPatchModel, accountPropertiesToModel } from "./provision/account-model.ts";
export { STORAGE_TASK, storageAddress } from "./provision/addresses.ts";
export { blobContainerKind } from "./provision/blob-container-kind.ts";
export { blobServiceKind } from "./provision/blob-service-kind.ts";
export { containerOwnershipMetadata, ownershipFromMetadata } from "./provision/container-ownership.ts";
export { roleDefinitionId, STORAGE_DATA_ROLE_IDS, type StorageDataRole } from "./provision/data-roles.ts";
export { desiredStorage } from "./provision/desired-storage.ts";
export { managementPolicyKind } from "./provision/management-policy-kind.ts";
export { checkAccountNames } from "./provision/name-availability.ts";
export { roleAssignmentKind } from "./provision/role-assignment-kind.ts";
export { roleAssignmentName } from "./provision/role-assignment-name.ts";
export { storageAccountKind } from "./provision/storage-account-kind.ts";
export { type AccountLocation, accountLocationOf, storageAccountId } from "./provision/storage-ids.ts";
export { STORAGE_KINDS } from "./provision/storage-kind-names.ts";
export type { StorageKindOptions } from "./provision/storage-kind-options.ts";
export { storageKinds } from "./provision/storage-kinds.ts";
export { storageTask } from "./provision/task.ts";
export { UnmappedPropertyError } from "./provision/unmapped-property-error.ts";
export {
  STORAGE_DATA_ROLES,
  type StorageAccountConfig,
  type StorageSection,
  storageAccountSchema,
  storageSection,
} from "./storage-section.ts";
