import { fail, notApplicable, pass } from "@infra/audit/rules";
import { accountProperty } from "../account-facts.ts";
import { storageAccountRule } from "../storage-rule.ts";

/** Accounts created from this date default allowCrossTenantReplication to false when it is not set. */
export const CROSS_TENANT_DEFAULT_CHANGED = "2023-12-15T00:00:00Z";

export const crossTenantReplicationRule = storageAccountRule({
  id: "storage.cross-tenant-replication",
  title: "Cross-tenant object replication is disallowed",
  severity: "medium",
  rationale:
    "Object replication to an account in another tenant copies data out of your organisation's control. Absent means false for accounts created since 2023-12-15 (Prowler's reading of null as true is a false positive); older accounts with it absent still allow it.",
  remediation: "az storage account update -g <group> -n <account> --allow-cross-tenant-replication false",
  references: {
    cis: ["9.3.7"],
    azurePolicy: ["92a89a79-6c52-4a7e-a03f-61306fc49312"],
    prowler: ["storage_cross_tenant_replication_disabled"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "allowCrossTenantReplication"), expected: "false" };
    if (evidence.actual === true) return fail("cross-tenant replication is allowed", evidence);
    if (evidence.actual === false) return pass("cross-tenant replication is disallowed", evidence);
    const created = accountProperty(audited, "creationTime");
    const createdAt = typeof created.actual === "string" ? Date.parse(created.actual) : Number.NaN;
    return createdAt < Date.parse(CROSS_TENANT_DEFAULT_CHANGED)
      ? fail("not set on an account created before 2023-12-15, where the default is allowed", evidence, created)
      : pass("not set; disallowed by default for accounts created since 2023-12-15", evidence, created);
  },
});

const GEO_REDUNDANT = ["Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"];

export const geoRedundancyRule = storageAccountRule({
  id: "storage.geo-redundancy",
  title: "Data is replicated to a second region (where required)",
  severity: "info",
  rationale:
    "Geo-redundant SKUs keep a copy in the paired region for regional outages. Opt-in per environment because it roughly doubles storage cost.",
  remediation: "az storage account update -g <group> -n <account> --sku Standard_GZRS",
  references: {
    cis: ["9.3.11"],
    psrule: ["Azure.Storage.UseReplication"],
    prowler: ["storage_geo_redundant_enabled"],
  },
  check: (audited, context) => {
    const evidence = { path: "sku.name", actual: audited.resource.sku?.name, expected: GEO_REDUNDANT.join(" | ") };
    if (!context.requireGeoRedundancy) return notApplicable("geo-redundancy is not required here", evidence);
    return typeof evidence.actual === "string" && GEO_REDUNDANT.includes(evidence.actual)
      ? pass(`sku ${evidence.actual} is geo-redundant`, evidence)
      : fail(`sku ${String(evidence.actual)} is not geo-redundant`, evidence);
  },
});
