import { fail, pass } from "@infra/audit/rules";
import { accountProperty } from "../account-facts.ts";
import { storageAccountRule } from "../storage-rule.ts";

export const secureTransferRule = storageAccountRule({
  id: "storage.secure-transfer",
  title: "Secure transfer (HTTPS only) is required",
  severity: "high",
  rationale:
    "Without it the account accepts plain HTTP, so data and SAS tokens can be read or altered in transit. Absent means true on current api-versions (PSRule#2414 flagged absent accounts by mistake).",
  remediation: "az storage account update -g <group> -n <account> --https-only true",
  references: {
    cis: ["9.3.4"],
    azurePolicy: ["404c3081-a854-4457-ae30-26a93ef643f9"],
    psrule: ["Azure.Storage.SecureTransfer"],
    prowler: ["storage_secure_transfer_required_is_enabled"],
    checkov: ["CKV_AZURE_3"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "supportsHttpsTrafficOnly"), expected: "true or absent" };
    return evidence.actual === false ? fail("HTTP is accepted", evidence) : pass("HTTPS only", evidence);
  },
});

const MODERN_TLS = ["TLS1_2", "TLS1_3"];

export const minimumTlsRule = storageAccountRule({
  id: "storage.minimum-tls",
  title: "Minimum TLS version is 1.2 or later",
  severity: "high",
  rationale:
    "TLS 1.0 and 1.1 have known weaknesses and are retired across Azure. An absent value means the account still accepts TLS 1.0.",
  remediation: "az storage account update -g <group> -n <account> --min-tls-version TLS1_2",
  references: {
    cis: ["9.3.6"],
    azurePolicy: ["fe83a0eb-a853-422d-aac2-1bffd182c5d0"],
    psrule: ["Azure.Storage.MinTLS"],
    prowler: ["storage_ensure_minimum_tls_version_12"],
    checkov: ["CKV_AZURE_44"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "minimumTlsVersion"), expected: "TLS1_2 or TLS1_3" };
    return typeof evidence.actual === "string" && MODERN_TLS.includes(evidence.actual)
      ? pass(`minimum TLS is ${evidence.actual}`, evidence)
      : fail(`minimum TLS is ${evidence.actual ?? "not set (TLS1_0 accepted)"}`, evidence);
  },
});
