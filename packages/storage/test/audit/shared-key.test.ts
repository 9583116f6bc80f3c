import { describe, expect, it } from "vitest";
import {
  accessKeyAgeRule,
  entraAuthorizationDefaultRule,
  keyExpirationPolicyRule,
  sasExpirationPolicyRule,
  sharedKeyDisabledRule,
} from "../../src/audit/rules/shared-key.ts";
import { ABSENT, account } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

describe("storage.shared-key-disabled", () => {
  it.each([
    [false, "pass"],
    [true, "fail"],
    [ABSENT, "fail"],
    [null, "fail"],
  ])("allowSharedKeyAccess %s -> %s (absent/null = allowed)", (value, expected) => {
    expect(runRule(sharedKeyDisabledRule, account({ allowSharedKeyAccess: value })).status).toBe(expected);
  });
});

describe("storage.entra-authorization-default", () => {
  it.each([
    [true, "pass"],
    [false, "fail"],
    [ABSENT, "fail"],
  ])("defaultToOAuthAuthentication %s -> %s", (value, expected) => {
    expect(runRule(entraAuthorizationDefaultRule, account({ defaultToOAuthAuthentication: value })).status).toBe(
      expected,
    );
  });
});

describe("storage.key-expiration-policy", () => {
  it.each([
    ["90 days", { "keyPolicy.keyExpirationPeriodInDays": 90 }, "pass"],
    ["20 days (the Create example)", { "keyPolicy.keyExpirationPeriodInDays": 20 }, "pass"],
    ["365 days", { "keyPolicy.keyExpirationPeriodInDays": 365 }, "fail"],
    ["no keyPolicy", { keyPolicy: ABSENT }, "fail"],
    ["keyPolicy null", { keyPolicy: null }, "fail"],
    [
      "no keyPolicy but shared key disabled (ScoutSuite#1609)",
      { keyPolicy: ABSENT, allowSharedKeyAccess: false },
      "not-applicable",
    ],
    [
      "365 days, shared key explicitly allowed",
      { "keyPolicy.keyExpirationPeriodInDays": 365, allowSharedKeyAccess: true },
      "fail",
    ],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(keyExpirationPolicyRule, account(patch)).status).toBe(expected);
  });
});

describe("storage.access-key-age", () => {
  const fresh = "2026-10-01T00:00:00Z";
  it.each([
    ["keys from 2021 (the GetProperties example), no policy", {}, "fail"],
    ["fresh keys, no policy (90 day limit)", { "keyCreationTime.key1": fresh, "keyCreationTime.key2": fresh }, "pass"],
    [
      "fresh keys but older than a 20 day policy",
      { "keyCreationTime.key1": fresh, "keyCreationTime.key2": fresh, "keyPolicy.keyExpirationPeriodInDays": 20 },
      "fail",
    ],
    ["one key never rotated (null)", { "keyCreationTime.key1": fresh, "keyCreationTime.key2": null }, "fail"],
    ["keyCreationTime absent", { keyCreationTime: ABSENT }, "fail"],
    ["old keys but shared key disabled (ScoutSuite#1609)", { allowSharedKeyAccess: false }, "not-applicable"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(accessKeyAgeRule, account(patch)).status).toBe(expected);
  });

  it("says which key is how old", () => {
    const finding = runRule(accessKeyAgeRule, account({ "keyCreationTime.key2": "2026-11-01T00:00:00Z" }));
    expect(finding.message).toMatch(/^key1 is 20\d\d days old \(limit 90 days\)$/);
  });
});

describe("storage.sas-expiration-policy", () => {
  it.each([
    [
      "1.15:59:59 (the Create example)",
      { sasPolicy: { sasExpirationPeriod: "1.15:59:59", expirationAction: "Log" } },
      "pass",
    ],
    ["7.00:00:00", { sasPolicy: { sasExpirationPeriod: "7.00:00:00", expirationAction: "Block" } }, "pass"],
    ["12:00:00", { sasPolicy: { sasExpirationPeriod: "12:00:00", expirationAction: "Log" } }, "pass"],
    ["30.00:00:00", { sasPolicy: { sasExpirationPeriod: "30.00:00:00", expirationAction: "Log" } }, "fail"],
    ["7.00:00:01", { sasPolicy: { sasExpirationPeriod: "7.00:00:01", expirationAction: "Log" } }, "fail"],
    ["absent", { sasPolicy: ABSENT }, "fail"],
    ["absent, shared key disabled", { sasPolicy: ABSENT, allowSharedKeyAccess: false }, "not-applicable"],
  ])("sasExpirationPeriod %s -> %s", (_label, patch, expected) => {
    expect(runRule(sasExpirationPolicyRule, account(patch)).status).toBe(expected);
  });
});
