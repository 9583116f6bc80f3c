import type { TaskDefinition } from "@infra/task";
import { governanceAudit } from "./collect/governance-audit.ts";

/** Task `governance`: audit only — tags, locations, RBAC hygiene, locks and unowned resources. Provisions nothing. */
export const governanceTask: TaskDefinition = {
  name: "governance",
  environmentSections: [],
  summary: "governance audit: required tags, allowed locations, RBAC hygiene, locks, unowned resources",
  kinds: () => [],
  desired: () => [],
  audit: governanceAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { governanceTask as task };
