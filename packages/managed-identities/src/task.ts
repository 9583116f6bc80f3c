import { MANAGED_IDENTITIES_TASK } from "@infra/arm/names";
import type { TaskDefinition } from "@infra/task";

/** Task `managed-identities`: user-assigned identities from the environment, and an audit of their credentials. */
export const managedIdentitiesTask: TaskDefinition = {
  name: MANAGED_IDENTITIES_TASK,
  summary: "user-assigned managed identities; audit of their GitHub federated credentials",
  environmentSections: async () => (await import("./environment-sections.ts")).readSections,
  provisioning: async () => (await import("./provisioning.ts")).managedIdentitiesProvisioning,
  audit: async () => (await import("./audit/identities-audit.ts")).identitiesAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { managedIdentitiesTask as task };
