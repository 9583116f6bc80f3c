export { RESOURCE_GROUPS_TASK, resourceGroupAddress, resourceGroupLockAddress } from "./addresses.ts";
export { desiredResourceGroups } from "./desired-resource-groups.ts";
export { GROUP_LOCK_KIND, groupLockKind } from "./group-lock-kind.ts";
export type { KindOptions } from "./kind-options.ts";
export { kindOptionsFor } from "./kind-options.ts";
export type { SubscriptionOrGroupList } from "./list-wire-or-per-group.ts";
export { listWireOrPerGroup } from "./list-wire-or-per-group.ts";
export { ownershipFromNote, ownershipNote } from "./ownership-note.ts";
export { RESOURCE_GROUP_KIND, resourceGroupKind } from "./resource-group-kind.ts";
export {
  declaredGroupNames,
  type ResourceGroupConfig,
  resourceGroupSchema,
  resourceGroupsSection,
} from "./resource-groups-section.ts";
export { GROUP_LOCK_NAME, groupLockId, groupNameOf, resourceGroupId } from "./resource-ids.ts";
export { ROLE_ASSIGNMENT_KIND, type RoleAssignmentKindOptions, roleAssignmentKind } from "./role-assignment-kind.ts";
export { extensionsUnder, planContent } from "./scope-contents.ts";
export { resourceGroupsTask } from "./task.ts";
export { UnownedContentsError } from "./unowned-contents-error.ts";
export { getWire, isAuthorizationFailed, isNotFound, listWire } from "./wire-capture.ts";
