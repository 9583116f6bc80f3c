// A realistic audit for the SARIF tests: resources owned by an environment and unowned ones, every severity, a
// suppressed finding, an expired suppression, and findings that could not be evaluated.
import { applySuppressions, suppressionExpiredRule } from "../../src/apply-suppressions.ts";
import type { AuditReport } from "../../src/audit-report.ts";
import type { Finding } from "../../src/finding.ts";
import { renderRuleDocs } from "../../src/reporters/render-rule-docs.ts";
import type { RuleMetadata } from "../../src/rule.ts";
import type { SarifSources } from "../../src/sarif/locate-finding.ts";
import type { Severity } from "../../src/severity.ts";

const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000001";
export const OWNED_GROUP = `${SUBSCRIPTION}/resourceGroups/rg-prd-app`;
export const OWNED_ACCOUNT = `${OWNED_GROUP}/providers/Microsoft.Storage/storageAccounts/prdappassets`;
export const OWNED_CONTAINER = `${OWNED_ACCOUNT}/blobServices/default/containers/images`;
export const OWNED_ASSIGNMENT = `${OWNED_ACCOUNT}/providers/Microsoft.Authorization/roleAssignments/7d2c1e52-4f4b-5c5a-9d1e-0f9a8b7c6d5e`;
/** Owned (tagged) but named by a task rather than spelled in the file. */
export const OWNED_DERIVED = `${OWNED_GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-prd-deploy`;
export const UNOWNED_ACCOUNT = `${SUBSCRIPTION}/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/legacydata001`;

export const ENVIRONMENT_URI = "packages/environments/environments/prod.ts";
export const ENVIRONMENT_TEXT = `import { defineEnvironment } from "../src/environment-schema.ts";

export default defineEnvironment({
  name: "prod",
  location: "westeurope",
  namingPrefix: "prd",
  resourceGroups: [{ name: "rg-prd-app", lock: "CanNotDelete" }],
  storage: {
    accounts: [
      {
        name: "prdappassets",
        resourceGroup: "rg-prd-app",
        containers: [{ name: "images" }],
        roleAssignments: [{ principalId: "0b500000-0000-4000-8000-000000000004", role: "Storage Blob Data Reader" }],
      },
    ],
  },
});
`;

const rule = (severity: Severity, id: string, resourceType = "Microsoft.Storage/storageAccounts"): RuleMetadata => ({
  id,
  title: `${severity} check`,
  severity,
  rationale: `Why the ${severity} check matters.`,
  remediation: "az storage account update -g <group> -n <account> --min-tls-version TLS1_2",
  references: severity === "critical" ? { cis: ["9.3.8"] } : {},
  resourceType,
});

export const sarifRules: RuleMetadata[] = [
  rule("critical", "sample.public-access"),
  rule("high", "sample.tls"),
  rule("medium", "sample.group-lock", "Microsoft.Resources/resourceGroups"),
  rule("low", "sample.versioning"),
  rule("info", "sample.naming", "*"),
];

function finding(ruleId: string, resourceId: string, status: Finding["status"], owner?: string): Finding {
  const metadata = sarifRules.find((candidate) => candidate.id === ruleId);
  return {
    ruleId,
    severity: metadata?.severity ?? "medium",
    resourceId,
    resourceType: metadata?.resourceType ?? "*",
    status,
    message: `${ruleId} ${status}`,
    evidence: status === "fail" ? [{ path: "properties.x", actual: false, expected: "true" }] : [],
    ...(owner === undefined ? {} : { ownerEnvironment: owner }),
  };
}

const evaluated: Finding[] = [
  finding("sample.public-access", OWNED_ACCOUNT, "fail", "prod"),
  finding("sample.public-access", OWNED_CONTAINER, "fail", "prod"),
  finding("sample.tls", OWNED_ASSIGNMENT, "fail", "prod"),
  finding("sample.group-lock", OWNED_GROUP, "fail", "prod"),
  finding("sample.naming", OWNED_DERIVED, "fail", "prod"),
  finding("sample.tls", UNOWNED_ACCOUNT, "fail"),
  finding("sample.versioning", UNOWNED_ACCOUNT, "fail"),
  finding("sample.versioning", OWNED_ACCOUNT, "pass", "prod"),
  finding("sample.naming", UNOWNED_ACCOUNT, "not-applicable"),
  finding("sample.public-access", UNOWNED_ACCOUNT, "error"),
  finding("sample.tls", OWNED_ACCOUNT, "error", "prod"),
];

export const sarifReport: AuditReport = {
  rules: sarifRules,
  findings: applySuppressions(
    evaluated,
    [
      {
        rule: "sample.versioning",
        resource: "**/legacydata001",
        justification: "archive, read-only",
        expires: "2099-01-01",
      },
      { rule: "sample.tls", resource: "**/rg-old/**", justification: "long gone exception", expires: "2020-01-01" },
    ],
    new Date("2026-11-26T00:00:00Z"),
  ),
};

export const sarifSources: SarifSources = {
  environments: new Map([["prod", { uri: ENVIRONMENT_URI, text: ENVIRONMENT_TEXT }]]),
  ruleDocs: { uri: "docs/audit-rules.md", text: renderRuleDocs([...sarifRules, suppressionExpiredRule]) },
};
