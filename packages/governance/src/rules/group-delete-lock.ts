import { deleteLockVerdict, type ManagementLock, notApplicable, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE } from "../related-documents.ts";

export const groupDeleteLockRule: Rule<GovernanceAuditContext> = {
  id: "governance.group-delete-lock",
  title: "Resource groups of protected environments carry a delete lock",
  severity: "medium",
  rationale:
    "Deleting a group deletes everything in it in one call; a CanNotDelete lock makes that a deliberate two-step act in production.",
  remediation: "az lock create --name do-not-delete --lock-type CanNotDelete -g <group>",
  references: { cis: ["9.3.9"] },
  resourceType: RESOURCE_GROUP_TYPE,
  related: [GOVERNANCE_RELATED.locks],
  check: (audited, context) => {
    if (!context.protected) return notApplicable("environment is not protected");
    return deleteLockVerdict(relatedArray(audited, GOVERNANCE_RELATED.locks) as ManagementLock[]);
  },
};
