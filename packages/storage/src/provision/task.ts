import { STORAGE_TASK } from "@infra/arm/names";
import type { TaskDefinition } from "@infra/task";

/** Task `storage`: accounts with the secure baseline, blob data protection, containers, lifecycle, data-plane roles. */
export const storageTask: TaskDefinition = {
  name: STORAGE_TASK,
  summary: "storage accounts (secure baseline), blob service settings, containers, lifecycle policies, data roles",
  environmentSections: async () => (await import("../environment-sections.ts")).readSections,
  provisioning: async () => (await import("./provisioning.ts")).storageProvisioning,
  audit: async () => (await import("../audit/collect/storage-audit.ts")).storageAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { storageTask as task };
