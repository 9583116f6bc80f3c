import type { AuditReport } from "../src/audit-report.ts";
import type { Finding } from "../src/finding.ts";
import type { RuleMetadata } from "../src/rule.ts";

export const ACCOUNT_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/brownfield";
export const OTHER_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/tidy";

export const sampleRules: RuleMetadata[] = [
  {
    id: "sample.public-access",
    title: "No anonymous access",
    severity: "critical",
    rationale: "Anonymous reads expose data to anyone with the URL.",
    remediation: "az storage account update -g <group> -n <account> --allow-blob-public-access false",
    references: {
      cis: ["9.3.8"],
      azurePolicy: ["4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"],
      psrule: ["Azure.Storage.BlobPublicAccess"],
    },
    resourceType: "Microsoft.Storage/storageAccounts",
  },
  {
    id: "sample.tls",
    title: "Minimum TLS 1.2",
    severity: "high",
    rationale: "Old TLS versions | have known weaknesses <sic>.",
    remediation: "Set minimumTlsVersion to TLS1_2.",
    references: {},
    resourceType: "Microsoft.Storage/storageAccounts",
  },
  {
    id: "sample.versioning",
    title: "Blob versioning",
    severity: "low",
    rationale: "Versions allow recovery.",
    remediation: "Enable versioning.",
    references: {},
    resourceType: "Microsoft.Storage/storageAccounts",
  },
];

function finding(partial: Partial<Finding> & Pick<Finding, "ruleId" | "status">): Finding {
  const rule = sampleRules.find((candidate) => candidate.id === partial.ruleId);
  return {
    severity: rule?.severity ?? "medium",
    resourceId: ACCOUNT_ID,
    resourceType: "Microsoft.Storage/storageAccounts",
    message: `${partial.ruleId} ${partial.status}`,
    evidence: [],
    ...partial,
  };
}

export const sampleFindings: Finding[] = [
  finding({
    ruleId: "sample.public-access",
    status: "fail",
    message: "allowBlobPublicAccess is true",
    evidence: [{ path: "properties.allowBlobPublicAccess", actual: true, expected: "false or absent" }],
  }),
  finding({ ruleId: "sample.public-access", status: "pass", resourceId: OTHER_ID }),
  finding({
    ruleId: "sample.tls",
    status: "suppressed",
    message: "minimumTlsVersion is TLS1_0",
    suppression: {
      justification: "legacy client <until> migration",
      expires: "2099-01-01",
      resourcePattern: "**/brownfield",
    },
  }),
  finding({ ruleId: "sample.tls", status: "error", resourceId: OTHER_ID, message: "could not evaluate: 403 & co" }),
  finding({ ruleId: "sample.versioning", status: "not-applicable", message: "hierarchical namespace" }),
  finding({ ruleId: "sample.versioning", status: "fail", resourceId: OTHER_ID, message: "versioning | off" }),
];

export const sampleReport: AuditReport = { rules: sampleRules, findings: sampleFindings };
