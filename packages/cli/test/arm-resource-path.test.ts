import { describe, expect, it } from "vitest";
import { describeArmResource, parseArmResourcePath } from "../src/arm-resource-path.ts";

const sub = "00000000-0000-0000-0000-000000000001";
const arm = "https://management.azure.com";

describe("parseArmResourcePath + describeArmResource", () => {
  it.each([
    [`${arm}/subscriptions/${sub}?api-version=2022-12-01`, "GET", `subscription '${sub}'`],
    [`${arm}/subscriptions/${sub}/resourcegroups/rg-dev?api-version=2025-04-01`, "PUT", "resource group 'rg-dev'"],
    [
      `${arm}/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1?api-version=2026-09-01`,
      "PUT",
      "Microsoft.Storage/storageAccounts 'stdev1' in resource group 'rg-dev'",
    ],
    [
      `${arm}/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1/listKeys`,
      "POST",
      "Microsoft.Storage/storageAccounts 'stdev1' action 'listKeys' in resource group 'rg-dev'",
    ],
    [
      `${arm}/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/stdev1/blobServices/default`,
      "PUT",
      "Microsoft.Storage/storageAccounts/blobServices 'stdev1/default' in resource group 'rg-dev'",
    ],
    [
      `${arm}/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts`,
      "GET",
      `Microsoft.Storage/storageAccounts (list) in subscription '${sub}'`,
    ],
    [
      `${arm}/subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/st1/providers/Microsoft.Authorization/roleAssignments/ra1`,
      "PUT",
      `Microsoft.Authorization/roleAssignments 'ra1' on /subscriptions/${sub}/resourceGroups/rg-dev/providers/Microsoft.Storage/storageAccounts/st1`,
    ],
    ["https://127.0.0.1:8443/some/other/path", "GET", ""],
  ])("%s %s", (url, method, expected) => {
    expect(describeArmResource(parseArmResourcePath(url, method))).toBe(expected);
  });

  it("reads subscription, group, type and name", () => {
    expect(
      parseArmResourcePath(
        `${arm}/subscriptions/${sub}/resourceGroups/rg%20x/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-deploy`,
      ),
    ).toEqual({
      subscriptionId: sub,
      resourceGroup: "rg x",
      resourceType: "Microsoft.ManagedIdentity/userAssignedIdentities",
      name: "id-deploy",
    });
  });
});
