export { storageAudit } from "./audit/collect/storage-audit.ts";
export { storageRules } from "./audit/storage-rules.ts";
export { desiredStorage } from "./provision/desired-storage.ts";
export { storageProvisioning } from "./provision/provisioning.ts";
export { storageKinds } from "./provision/storage-kinds.ts";
export { storageTask } from "./provision/task.ts";
export {
  STORAGE_DATA_ROLES,
  type StorageAccountConfig,
  type StorageSection,
  storageAccountSchema,
  storageSection,
} from "./storage-section.ts";
