import { type AuditedResource, type CheckResult, fail, pass, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE, SUBSCRIPTION_TYPE } from "../related-documents.ts";
import { roleAssignmentFacts, sameScope } from "./role-assignment-facts.ts";

function usersAssignedAtScope(audited: AuditedResource): CheckResult {
  const users = relatedArray(audited, GOVERNANCE_RELATED.roleAssignments)
    .map(roleAssignmentFacts)
    .filter((assignment) => assignment.principalType === "User" && sameScope(assignment.scope, audited.resource.id));
  const evidence = {
    path: "roleAssignments[principalType=User at this scope]",
    actual: users.map((user) => user.principalId),
    expected: "none: assign groups",
  };
  return users.length === 0
    ? pass("no direct user assignments", evidence)
    : fail(`${users.length} role assignments to individual users`, evidence);
}

const shared = {
  title: "Roles are assigned to groups, not individual users",
  severity: "low",
  rationale:
    "Assignments to individual users pile up and outlive role changes; a group assignment is reviewed once and follows joiners and leavers. Service principals and managed identities are fine.",
  remediation:
    "Add the user to an Entra group, assign the role to the group, then az role assignment delete --assignee <user> --scope <scope>",
  references: { psrule: ["Azure.RBAC.UseGroups"] },
  related: [GOVERNANCE_RELATED.roleAssignments],
  check: usersAssignedAtScope,
} as const;

export const subscriptionGroupsOverUsersRule: Rule<GovernanceAuditContext> = {
  ...shared,
  id: "governance.subscription-groups-over-users",
  resourceType: SUBSCRIPTION_TYPE,
};

export const resourceGroupGroupsOverUsersRule: Rule<GovernanceAuditContext> = {
  ...shared,
  id: "governance.group-groups-over-users",
  resourceType: RESOURCE_GROUP_TYPE,
};
