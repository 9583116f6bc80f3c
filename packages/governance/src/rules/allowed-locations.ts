import { ANY_RESOURCE_TYPE, fail, notApplicable, pass, type Rule } from "@infra/audit/rules";
import type { GovernanceAuditContext } from "../governance-audit-context.ts";

/** ARM spells regions `westeurope` but portals and people write `West Europe`. */
function normalise(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

export const allowedLocationsRule: Rule<GovernanceAuditContext> = {
  id: "governance.allowed-locations",
  title: "Resources live only in the environment's regions",
  severity: "medium",
  rationale:
    "Data residency, latency and disaster-recovery plans assume known regions; a resource elsewhere is usually a mistake or a forgotten experiment. Global resources (location `global`) are exempt.",
  remediation:
    "Move or recreate the resource in an allowed region (az resource move cannot change region for most types).",
  references: { psrule: ["Azure.Resource.AllowedRegions"], azurePolicy: ["e56962a6-4747-49cd-b67b-bf8b01975c4c"] },
  resourceType: ANY_RESOURCE_TYPE,
  check: ({ resource }, context) => {
    const evidence = { path: "location", actual: resource.location, expected: context.allowedLocations.join(" | ") };
    if (context.allowedLocations.length === 0) return notApplicable("the environment sets no allowed locations");
    if (typeof resource.location !== "string" || resource.location === "")
      return notApplicable("resource has no location", evidence);
    const location = normalise(resource.location);
    if (location === "global") return notApplicable("global resource", evidence);
    return context.allowedLocations.map(normalise).includes(location)
      ? pass(`in ${resource.location}`, evidence)
      : fail(`in ${resource.location}, outside ${context.allowedLocations.join(", ")}`, evidence);
  },
};
