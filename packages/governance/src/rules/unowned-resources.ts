import { fail, notApplicable, pass, type Rule } from "@infra/audit/rules";
import { MANAGED_BY, ownershipFromTags } from "@infra/plan/ownership";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { relatedArray } from "../related-array.ts";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE } from "../related-documents.ts";

export const unownedResourcesRule: Rule<GovernanceAuditContext> = {
  id: "governance.unowned-resources",
  title: "Every resource in a managed group is owned by a task",
  severity: "low",
  rationale:
    "A group this repo manages should hold only what the repo declares. A resource without the ownership tags (managed-by, environment, task) was created by hand: drift that provisioning will never update, fix or clean up.",
  remediation:
    "Declare the resource in the environment file so a task owns it, or move it to an unmanaged group: az resource move --destination-group <group> --ids <id>",
  references: {},
  resourceType: RESOURCE_GROUP_TYPE,
  related: [GOVERNANCE_RELATED.resources],
  check: (audited) => {
    const groupOwner = ownershipFromTags(audited.resource.tags);
    if (groupOwner?.managedBy !== MANAGED_BY) return notApplicable("group is not managed by this repo");
    const resources = relatedArray(audited, GOVERNANCE_RELATED.resources) as Array<{ id?: unknown; tags?: unknown }>;
    const unowned = resources
      .filter((resource) => ownershipFromTags(resource.tags)?.managedBy !== MANAGED_BY)
      .map((resource) => String(resource.id));
    const evidence = { path: "resources[without ownership tags]", actual: unowned, expected: "none" };
    return unowned.length === 0
      ? pass(`all ${resources.length} resources are owned`, evidence)
      : fail(`${unowned.length} resources no task owns`, evidence);
  },
};
