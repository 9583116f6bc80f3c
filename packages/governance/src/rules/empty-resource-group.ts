import { fail, pass, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE } from "../related-documents.ts";

export const emptyResourceGroupRule: Rule<GovernanceAuditContext> = {
  id: "governance.empty-resource-group",
  title: "Resource groups are not empty",
  severity: "low",
  rationale:
    "An empty group is usually left over from a deleted workload; it still carries role assignments and policy exemptions that outlive their purpose.",
  remediation: "az group delete -n <group> (after checking nothing is about to be deployed into it)",
  references: {},
  resourceType: RESOURCE_GROUP_TYPE,
  related: [GOVERNANCE_RELATED.resources],
  check: (audited) => {
    const resources = relatedArray(audited, GOVERNANCE_RELATED.resources);
    const evidence = { path: "resources.length", actual: resources.length, expected: ">= 1" };
    return resources.length === 0 ? fail("group is empty", evidence) : pass(`${resources.length} resources`, evidence);
  },
};
