import { describe, expect, it } from "vitest";
import type { HeldRole } from "../src/held-roles.ts";
import { builtInRoleIds, privilegeWarnings } from "../src/privilege-warnings.ts";

const role = (roleName: string, roleDefinitionGuid: string, scope = "/subscriptions/s"): HeldRole => ({
  roleName,
  roleDefinitionGuid,
  scope,
  conditional: false,
});

describe("privilegeWarnings", () => {
  it.each([
    ["Owner", [role("Owner", builtInRoleIds.owner)], 1],
    ["Owner on a resource group", [role("Owner", builtInRoleIds.owner, "/subscriptions/s/resourceGroups/rg")], 1],
    [
      "Contributor + User Access Administrator",
      [
        role("Contributor", builtInRoleIds.contributor),
        role("User Access Administrator", builtInRoleIds.userAccessAdministrator),
      ],
      0,
    ],
    ["Reader", [role("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7")], 0],
    ["nothing", [], 0],
  ])("%s -> %i warnings", (_, roles, count) => {
    const warnings = privilegeWarnings(roles);
    expect(warnings).toHaveLength(count);
    for (const warning of warnings) expect(warning).toMatch(/Contributor there plus User Access Administrator scoped/);
  });
});
