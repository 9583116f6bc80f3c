import type { Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "./governance-audit-context.ts";
import { allowedLocationsRule } from "./rules/allowed-locations.ts";
import { emptyResourceGroupRule } from "./rules/empty-resource-group.ts";
import { groupDeleteLockRule } from "./rules/group-delete-lock.ts";
import { resourceGroupGroupsOverUsersRule, subscriptionGroupsOverUsersRule } from "./rules/groups-over-users.ts";
import { ownerCountRule } from "./rules/owner-count.ts";
import { requiredTagsRule } from "./rules/required-tags.ts";
import { unownedResourcesRule } from "./rules/unowned-resources.ts";

export const governanceRules: readonly Rule<GovernanceAuditContext>[] = [
  requiredTagsRule,
  allowedLocationsRule,
  emptyResourceGroupRule,
  ownerCountRule,
  subscriptionGroupsOverUsersRule,
  resourceGroupGroupsOverUsersRule,
  groupDeleteLockRule,
  unownedResourcesRule,
];
