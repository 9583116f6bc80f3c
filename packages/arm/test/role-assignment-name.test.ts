import { describe, expect, it } from "vitest";
import { roleAssignmentName } from "../src/role-assignment-name.ts";

const scope = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct";
const principal = "0b500000-0000-4000-8000-000000000004";
const role = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

describe("roleAssignmentName", () => {
  it("is a version 5 UUID, the same for the same grant in any casing", () => {
    const name = roleAssignmentName(scope, principal, role);
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(roleAssignmentName(scope.toUpperCase(), principal.toUpperCase(), role)).toBe(name);
  });

  it.each([
    ["scope", [`${scope}2`, principal, role]],
    ["principal", [scope, "0b500000-0000-4000-8000-000000000005", role]],
    ["role", [scope, principal, "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"]],
  ] as const)("differs when the %s differs", (_what, [otherScope, otherPrincipal, otherRole]) => {
    expect(roleAssignmentName(otherScope, otherPrincipal, otherRole)).not.toBe(
      roleAssignmentName(scope, principal, role),
    );
  });
});
