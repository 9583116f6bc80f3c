import { BUILT_IN_ROLE_IDS, RESOURCE_GROUP_KIND } from "@infra/arm/names";

/** Resource types the governance rules check. Subscriptions come back from ARM without `type`: collectors set it. */
export const RESOURCE_GROUP_TYPE = RESOURCE_GROUP_KIND;
export const SUBSCRIPTION_TYPE = "Microsoft.Resources/subscriptions";

/** Names of related documents collectors attach. */
export const GOVERNANCE_RELATED = {
  /** On a resource group: an array of the resources in it (resources list, all pages). */
  resources: "resources",
  /** On a subscription or group: an array of role assignments that apply at that scope (roleAssignments.listForScope). */
  roleAssignments: "roleAssignments",
  /** On a resource group: an array of management locks that apply to it (including inherited). */
  locks: "locks",
} as const;

/** Built-in Owner role definition id (same in every tenant). */
export const OWNER_ROLE_ID = BUILT_IN_ROLE_IDS.Owner;
