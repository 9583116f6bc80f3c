import type { TaskDefinition } from "@infra/task";

/** Task `governance`: audit only — tags, locations, RBAC hygiene, locks and unowned resources. Provisions nothing. */
export const governanceTask: TaskDefinition = {
  name: "governance",
  environmentSections: async () => (await import("./environment-sections.ts")).readSections,
  summary: "governance audit: required tags, allowed locations, RBAC hygiene, locks, unowned resources",
  audit: async () => (await import("./collect/governance-audit.ts")).governanceAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { governanceTask as task };
