import { describe, expect, it } from "vitest";
import { extensionScope, scopeContains } from "../../src/collect/scope-contains.ts";

const account = "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/st1";

describe("scopeContains", () => {
  it.each([
    ["/subscriptions/s", true],
    ["/subscriptions/S/resourcegroups/RG-APP", true],
    [account, true],
    ["/subscriptions/s/resourceGroups/rg-ap", false],
    [`${account}/blobServices/default`, false],
    ["/subscriptions/t", false],
  ])("%s contains the account: %s", (scope, expected) => {
    expect(scopeContains(scope, account)).toBe(expected);
  });

  it("finds the scope of an extension resource", () => {
    expect(
      extensionScope(`${account}/providers/Microsoft.Authorization/locks/keep`, "Microsoft.Authorization/locks"),
    ).toBe(account);
  });
});
