import { fail, notApplicable, pass } from "@infra/audit/rules";
import { accountProperty } from "../account-facts.ts";
import { storageAccountRule } from "../storage-rule.ts";

export const infrastructureEncryptionRule = storageAccountRule({
  id: "storage.infrastructure-encryption",
  title: "Infrastructure (double) encryption is enabled",
  severity: "low",
  rationale:
    "A second layer of encryption with a different algorithm and key protects data if one layer is compromised. It can only be set when the account is created; absent means false.",
  remediation:
    "Create a new account with --require-infrastructure-encryption true and move the data (azcopy copy); it cannot be enabled in place.",
  references: {
    azurePolicy: ["4733ea7b-a883-42fe-8cac-97454c2a9e4a"],
    prowler: ["storage_infrastructure_encryption_is_enabled"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "encryption.requireInfrastructureEncryption"), expected: "true" };
    return evidence.actual === true
      ? pass("infrastructure encryption is on", evidence)
      : fail("infrastructure encryption is off", evidence);
  },
});

export const customerManagedKeysRule = storageAccountRule({
  id: "storage.customer-managed-keys",
  title: "Encryption uses customer-managed keys (where required)",
  severity: "info",
  rationale:
    "Customer-managed keys in Key Vault let you revoke access to the data and control rotation. Opt-in per environment: it needs a Key Vault and an identity, and Microsoft-managed keys already encrypt everything.",
  remediation:
    "az storage account update -g <group> -n <account> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <uri> --encryption-key-name <key>",
  references: { prowler: ["storage_ensure_encryption_with_customer_managed_keys"] },
  check: (audited, context) => {
    const evidence = { ...accountProperty(audited, "encryption.keySource"), expected: "Microsoft.Keyvault" };
    if (!context.requireCustomerManagedKeys)
      return notApplicable("customer-managed keys are not required here", evidence);
    return typeof evidence.actual === "string" && evidence.actual.toLowerCase() === "microsoft.keyvault"
      ? pass("customer-managed keys", evidence)
      : fail(`key source is ${String(evidence.actual ?? "Microsoft.Storage (not set)")}`, evidence);
  },
});
