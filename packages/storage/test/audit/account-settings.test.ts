import { unreadable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { copyScopeRule, localUsersAndSftpRule } from "../../src/audit/rules/access-features.ts";
import { accountNameRule } from "../../src/audit/rules/account-name.ts";
import { deleteLockRule } from "../../src/audit/rules/delete-lock.ts";
import { ABSENT, account, lock } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

describe("storage.local-users-sftp", () => {
  it.each([
    ["both off", { isLocalUserEnabled: false, isSftpEnabled: false }, "pass"],
    ["local users off, SFTP absent", { isLocalUserEnabled: false }, "pass"],
    ["SFTP on (the Create example)", { isLocalUserEnabled: false, isSftpEnabled: true }, "fail"],
    ["local users on", { isLocalUserEnabled: true, isSftpEnabled: false }, "fail"],
    ["local users absent (= enabled)", { isLocalUserEnabled: ABSENT }, "fail"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(localUsersAndSftpRule, account(patch)).status).toBe(expected);
  });
});

describe("storage.copy-scope", () => {
  it.each([
    ["AAD", "pass"],
    ["PrivateLink", "pass"],
    [ABSENT, "fail"],
    [null, "fail"],
  ])("allowedCopyScope %s -> %s", (value, expected) => {
    expect(runRule(copyScopeRule, account({ allowedCopyScope: value })).status).toBe(expected);
  });
});

describe("storage.delete-lock", () => {
  it.each([
    ["CanNotDelete on the account", [lock("do-not-delete", "CanNotDelete")], true, "pass"],
    [
      "ReadOnly inherited from the group",
      [lock("freeze", "ReadOnly", "/subscriptions/s/resourceGroups/res9407")],
      true,
      "pass",
    ],
    ["no locks", [], true, "fail"],
    ["no locks, environment not protected", [], false, "not-applicable"],
  ] as const)("%s, protected=%s -> %s", (_label, locks, isProtected, expected) => {
    expect(runRule(deleteLockRule, account(), { locks }, { protected: isProtected }).status).toBe(expected);
  });

  it.each([
    ["unreadable", { locks: unreadable("403 AuthorizationFailed") }],
    ["not collected", {}],
    ["not an array", { locks: { value: [] } }],
  ])("locks %s in a protected environment -> error", (_label, related) => {
    expect(runRule(deleteLockRule, account(), related, { protected: true }).status).toBe("error");
  });
});

describe("storage.account-name", () => {
  it.each([
    ["sto8596", undefined, "pass"],
    ["stproddata01", "stprod", "pass"],
    ["sto8596", "stprod", "fail"],
    ["My-Account", undefined, "fail"],
    ["ab", undefined, "fail"],
    ["a".repeat(25), undefined, "fail"],
  ])("name %s with prefix %s -> %s", (name, namePrefix, expected) => {
    const overrides = namePrefix === undefined ? {} : { namePrefix };
    expect(runRule(accountNameRule, account({}, { name }), {}, overrides).status).toBe(expected);
  });
});
