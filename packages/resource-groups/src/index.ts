export { desiredResourceGroups } from "./desired-resource-groups.ts";
export { groupLockKind } from "./group-lock-kind.ts";
export { resourceGroupsProvisioning } from "./provisioning.ts";
export { resourceGroupKind } from "./resource-group-kind.ts";
export { resourceGroupsTask } from "./task.ts";
