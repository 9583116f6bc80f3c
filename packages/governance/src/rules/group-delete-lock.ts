import { fail, notApplicable, pass, type Rule } from "@infra/audit";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE } from "../related-documents.ts";

const DELETE_BLOCKING = ["CanNotDelete", "ReadOnly"];

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
    const locks = relatedArray(audited, GOVERNANCE_RELATED.locks) as Array<{
      name?: unknown;
      properties?: { level?: unknown };
    }>;
    const evidence = locks.map((lock) => ({
      path: `locks.${String(lock.name)}.properties.level`,
      actual: lock.properties?.level,
      expected: DELETE_BLOCKING.join(" | "),
    }));
    return evidence.some((item) => typeof item.actual === "string" && DELETE_BLOCKING.includes(item.actual))
      ? pass("a delete lock applies", ...evidence)
      : fail(locks.length === 0 ? "no lock applies" : "no lock blocks deletion", ...evidence);
  },
};
