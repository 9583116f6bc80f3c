import type { Environment } from "@infra/environments";
import { type GovernanceAuditContext, governanceAuditContext } from "../governance-audit-context.ts";

/**
 * With an environment: its required tags, its regions (allowedLocations, else its one location) and protection.
 * Without one: none of those rules apply (an audit of everything the identity sees has no declared baseline).
 */
export function governanceContextFor(environment: Environment | undefined, now: Date): GovernanceAuditContext {
  if (environment === undefined) return governanceAuditContext({ now });
  return governanceAuditContext({
    now,
    requiredTags: environment.requiredTags,
    allowedLocations: environment.allowedLocations ?? [environment.location],
    protected: environment.protected,
  });
}
