import { ANY_RESOURCE_TYPE, fail, notApplicable, pass, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";
import { SUBSCRIPTION_TYPE } from "../related-documents.ts";

export const requiredTagsRule: Rule<GovernanceAuditContext> = {
  id: "governance.required-tags",
  title: "Groups and resources carry the environment's required tags",
  severity: "medium",
  rationale:
    "Cost allocation, ownership and incident routing all start from tags; a resource without them is nobody's. Tag names are compared case-insensitively, as ARM does; an empty value counts as missing.",
  remediation: "az tag update --resource-id <id> --operation merge --tags <name>=<value>",
  references: {
    psrule: ["Azure.Group.RequiredTags", "Azure.Resource.RequiredTags"],
    azurePolicy: ["96670d01-0a4d-4649-9c89-2d3abc0a5025"],
  },
  resourceType: ANY_RESOURCE_TYPE,
  check: ({ resource }, context) => {
    if (context.requiredTags.length === 0) return notApplicable("the environment requires no tags");
    if (resource.type.toLowerCase() === SUBSCRIPTION_TYPE.toLowerCase())
      return notApplicable("subscription tags are not checked");
    const tags = Object.entries(resource.tags ?? {});
    const missing = context.requiredTags.filter(
      (name) => !tags.some(([key, value]) => key.toLowerCase() === name.toLowerCase() && String(value).trim() !== ""),
    );
    const evidence = { path: "tags", actual: resource.tags, expected: `tags ${context.requiredTags.join(", ")}` };
    return missing.length === 0
      ? pass("all required tags present", evidence)
      : fail(`missing tags: ${missing.join(", ")}`, evidence);
  },
};
