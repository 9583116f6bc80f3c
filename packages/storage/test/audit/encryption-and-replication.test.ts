import { describe, expect, it } from "vitest";
import { customerManagedKeysRule, infrastructureEncryptionRule } from "../../src/audit/rules/encryption.ts";
import { crossTenantReplicationRule, geoRedundancyRule } from "../../src/audit/rules/replication.ts";
import { ABSENT, account } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

describe("storage.infrastructure-encryption", () => {
  it.each([
    [true, "pass"],
    [false, "fail"],
    [ABSENT, "fail"],
  ])("requireInfrastructureEncryption %s -> %s", (value, expected) => {
    expect(
      runRule(infrastructureEncryptionRule, account({ "encryption.requireInfrastructureEncryption": value })).status,
    ).toBe(expected);
  });
});

describe("storage.customer-managed-keys", () => {
  it.each([
    ["Microsoft.Keyvault", true, "pass"],
    ["Microsoft.Storage", true, "fail"],
    [ABSENT, true, "fail"],
    ["Microsoft.Storage", false, "not-applicable"],
  ] as const)("keySource %s, required=%s -> %s", (value, required, expected) => {
    const finding = runRule(
      customerManagedKeysRule,
      account({ "encryption.keySource": value }),
      {},
      { requireCustomerManagedKeys: required },
    );
    expect(finding.status).toBe(expected);
  });
});

describe("storage.cross-tenant-replication", () => {
  it.each([
    ["false", { allowCrossTenantReplication: false }, "pass"],
    ["true", { allowCrossTenantReplication: true }, "fail"],
    [
      "absent on a 2024 account (default false; Prowler's false positive)",
      { creationTime: "2024-03-01T10:00:00Z" },
      "pass",
    ],
    ["null on a 2024 account", { allowCrossTenantReplication: null, creationTime: "2024-03-01T10:00:00Z" }, "pass"],
    ["absent on a 2017 account (the GetProperties example: old default true)", {}, "fail"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(crossTenantReplicationRule, account(patch)).status).toBe(expected);
  });
});

describe("storage.geo-redundancy", () => {
  it.each([
    ["Standard_GRS", true, "pass"],
    ["Standard_RAGZRS", true, "pass"],
    ["Standard_LRS", true, "fail"],
    ["Premium_ZRS", true, "fail"],
    ["Standard_LRS", false, "not-applicable"],
  ] as const)("sku %s, required=%s -> %s", (sku, required, expected) => {
    const finding = runRule(
      geoRedundancyRule,
      account({}, { sku: { name: sku } }),
      {},
      { requireGeoRedundancy: required },
    );
    expect(finding.status).toBe(expected);
  });
});
