import { kindOptionsFor } from "@infra/arm";
import type { TaskProvisioning } from "@infra/task";
import { desiredResourceGroups } from "./desired-resource-groups.ts";
import { groupLockKind } from "./group-lock-kind.ts";
import { resourceGroupKind } from "./resource-group-kind.ts";

/** What the task provisions: the environment's resource groups and their management locks. */
export const resourceGroupsProvisioning: TaskProvisioning = {
  kinds: (context) => {
    const options = kindOptionsFor(context);
    return [resourceGroupKind(options), groupLockKind(options)];
  },
  desired: ({ azure, environment }) => desiredResourceGroups(environment, azure.subscriptionId),
};
