import { describe, expect, it } from "vitest";
import { resourceLabel, resourceLabels } from "../../src/reporters/resource-label.ts";

const SUB = "/subscriptions/11111111-0000-4000-8000-000000000001";
const OTHER_SUB = "/subscriptions/22222222-0000-4000-8000-000000000002";
const ACCOUNT = `${SUB}/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/acct`;

describe("resourceLabel", () => {
  it.each([
    [ACCOUNT, "rg-app/acct"],
    [`${SUB}/resourceGroups/rg-app`, "rg-app"],
    [SUB, "subscription 11111111"],
    [`${ACCOUNT}/blobServices/default/containers/c1`, "rg-app/acct/default/c1"],
    [`${ACCOUNT}/providers/Microsoft.Authorization/locks/keep`, "rg-app/acct/keep"],
    [`${SUB}/providers/Microsoft.Authorization/roleAssignments/ra1`, "ra1"],
    ["/providers/Microsoft.Management/managementGroups/mg1", "mg1"],
    ["not-an-id", "not-an-id"],
  ])("%s -> %s", (id, label) => {
    expect(resourceLabel(id)).toBe(label);
  });
});

describe("resourceLabels", () => {
  it("prefixes the subscription when the ids span several", () => {
    const other = ACCOUNT.replace(SUB, OTHER_SUB);
    expect([...resourceLabels([ACCOUNT, other, OTHER_SUB]).values()]).toEqual([
      "11111111/rg-app/acct",
      "22222222/rg-app/acct",
      "subscription 22222222",
    ]);
  });

  it("falls back to the full id when short labels would name two resources, but not for two spellings of one", () => {
    const child = `${SUB}/resourceGroups/rg-app/providers/Microsoft.Web/sites/acct`;
    const labels = resourceLabels([ACCOUNT, child, ACCOUNT.toUpperCase()]);
    expect(labels.get(ACCOUNT)).toBe(ACCOUNT);
    expect(labels.get(child)).toBe(child);
    expect(resourceLabels([ACCOUNT, ACCOUNT.toUpperCase()]).get(ACCOUNT)).toBe("rg-app/acct");
  });
});
