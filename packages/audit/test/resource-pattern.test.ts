import { describe, expect, it } from "vitest";
import { matchesResourcePattern } from "../src/resource-pattern.ts";

const id = "/subscriptions/s1/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/brownfield";

describe("matchesResourcePattern", () => {
  it.each([
    [id, true],
    [id.toLowerCase(), true],
    ["/subscriptions/*/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/*", true],
    ["/subscriptions/*/resourcegroups/RG-APP/**", true],
    ["**/storageAccounts/brown*", true],
    ["/subscriptions/*/storageAccounts/brownfield", false],
    ["**/storageAccounts/brown", false],
    ["/subscriptions/s1/resourceGroups/rg-app", false],
    ["/subscriptions/s1/resourceGroups/rg.app/**", false],
  ])("%s matches: %s", (pattern, expected) => {
    expect(matchesResourcePattern(id, pattern)).toBe(expected);
  });
});
