import { RESOURCE_GROUPS_TASK } from "@infra/arm/names";
import type { TaskDefinition } from "@infra/task";

/** Task `resource-groups`: the environment's resource groups and their management locks. */
export const resourceGroupsTask: TaskDefinition = {
  name: RESOURCE_GROUPS_TASK,
  summary: "resource groups (location, tags) and their management locks",
  environmentSections: async () => (await import("./environment-sections.ts")).readSections,
  provisioning: async () => (await import("./provisioning.ts")).resourceGroupsProvisioning,
};

/** The name `@infra/tasks` loads every listed task by. */
export { resourceGroupsTask as task };
