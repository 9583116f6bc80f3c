import { kindOptionsFor, RESOURCE_GROUPS_TASK } from "@infra/arm";
import { resourceGroupsSection } from "@infra/environments";
import type { TaskDefinition } from "@infra/task";
import { desiredResourceGroups } from "./desired-resource-groups.ts";
import { groupLockKind } from "./group-lock-kind.ts";
import { resourceGroupKind } from "./resource-group-kind.ts";

/** Task `resource-groups`: the environment's resource groups and their management locks. */
export const resourceGroupsTask: TaskDefinition = {
  name: RESOURCE_GROUPS_TASK,
  summary: "resource groups (location, tags) and their management locks",
  environmentSections: [resourceGroupsSection],
  kinds: (context) => {
    const options = kindOptionsFor(context);
    return [resourceGroupKind(options), groupLockKind(options)];
  },
  desired: ({ azure, environment }) => desiredResourceGroups(environment, azure.subscriptionId),
};

/** The name `@infra/tasks` loads every listed task by. */
export { resourceGroupsTask as task };
