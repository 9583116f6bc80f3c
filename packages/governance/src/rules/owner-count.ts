import { fail, pass, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, OWNER_ROLE_ID, SUBSCRIPTION_TYPE } from "../related-documents.ts";
import { roleAssignmentFacts, sameScope } from "./role-assignment-facts.ts";

export const ownerCountRule: Rule<GovernanceAuditContext> = {
  id: "governance.owner-count",
  title: "Few Owner assignments at subscription scope",
  severity: "high",
  rationale:
    "Every Owner at subscription scope can change anything and grant anything, including to themselves; each one is an account whose compromise is total. Only assignments made at the subscription itself are counted, not inherited or narrower ones.",
  remediation:
    "az role assignment delete --assignee <principal> --role Owner --scope /subscriptions/<id>; grant Contributor or narrower roles at group scope instead",
  references: { psrule: ["Azure.RBAC.LimitOwner"] },
  resourceType: SUBSCRIPTION_TYPE,
  related: [GOVERNANCE_RELATED.roleAssignments],
  check: (audited, context) => {
    const owners = relatedArray(audited, GOVERNANCE_RELATED.roleAssignments)
      .map(roleAssignmentFacts)
      .filter(
        (assignment) =>
          assignment.roleDefinitionGuid === OWNER_ROLE_ID && sameScope(assignment.scope, audited.resource.id),
      );
    const evidence = {
      path: "roleAssignments[Owner at subscription scope]",
      actual: owners.map((owner) => `${owner.principalType} ${owner.principalId}`),
      expected: `at most ${context.maximumSubscriptionOwners}`,
    };
    return owners.length <= context.maximumSubscriptionOwners
      ? pass(`${owners.length} Owner assignments`, evidence)
      : fail(`${owners.length} Owner assignments (limit ${context.maximumSubscriptionOwners})`, evidence);
  },
};
