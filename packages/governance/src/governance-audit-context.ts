import type { AuditContext } from "@infra/audit/rules";

/** What the governance rules need from the environment. */
export interface GovernanceAuditContext extends AuditContext {
  /** Tag names every group and resource must carry (environment `requiredTags`); empty = rule not applicable. */
  readonly requiredTags: readonly string[];
  /** Regions resources may live in (environment `allowedLocations`, default its `location`); empty = not applicable. */
  readonly allowedLocations: readonly string[];
  /** Protected environments need a delete lock on every resource group. */
  readonly protected: boolean;
  /** Most Owner assignments allowed directly at subscription scope (PSRule Azure.RBAC.LimitOwner uses 3). */
  readonly maximumSubscriptionOwners: number;
}

export function governanceAuditContext(
  settings: Partial<GovernanceAuditContext> & Pick<GovernanceAuditContext, "now">,
): GovernanceAuditContext {
  return { requiredTags: [], allowedLocations: [], protected: false, maximumSubscriptionOwners: 3, ...settings };
}
