import { fail, notApplicable, pass, requireRelated } from "@infra/audit/rules";
import { valueAt } from "@infra/plan/property-path";
import { STORAGE_LIMITS } from "../../baseline.ts";
import { documentProperty, hasFileService, semicolonList } from "../account-facts.ts";
import { STORAGE_RELATED } from "../related-documents.ts";
import { storageAccountRule } from "../storage-rule.ts";

const FILE_SERVICE = "fileServices/default";

export const fileShareSoftDeleteRule = storageAccountRule({
  id: "storage.file-share-soft-delete",
  title: `File share soft delete keeps deleted shares for at least ${STORAGE_LIMITS.minimumSoftDeleteDays} days`,
  severity: "medium",
  rationale: "Without it a deleted file share, and every file in it, is gone at once. Absent means off.",
  remediation:
    "az storage account file-service-properties update -g <group> -n <account> --enable-delete-retention true --delete-retention-days 14",
  references: {
    cis: ["9.1.1"],
    psrule: ["Azure.Storage.FileShareSoftDelete"],
    prowler: ["storage_ensure_file_shares_soft_delete_is_enabled"],
  },
  related: [STORAGE_RELATED.fileService],
  check: (audited) => {
    if (!hasFileService(audited)) return notApplicable(`kind ${audited.resource.kind} has no file service`);
    const document = requireRelated(audited, STORAGE_RELATED.fileService);
    const enabled = {
      ...documentProperty(document, FILE_SERVICE, "properties.shareDeleteRetentionPolicy.enabled"),
      expected: "true",
    };
    const days = {
      ...documentProperty(document, FILE_SERVICE, "properties.shareDeleteRetentionPolicy.days"),
      expected: `>= ${STORAGE_LIMITS.minimumSoftDeleteDays}`,
    };
    if (enabled.actual !== true) return fail("file share soft delete is off", enabled);
    return typeof days.actual === "number" && days.actual >= STORAGE_LIMITS.minimumSoftDeleteDays
      ? pass(`file share soft delete keeps ${days.actual} days`, enabled, days)
      : fail(`file share soft delete keeps ${String(days.actual ?? "an unknown number of")} days`, enabled, days);
  },
});

export const smbVersionRule = storageAccountRule({
  id: "storage.smb-version",
  title: "File shares accept SMB 3.1.1 only",
  severity: "low",
  rationale:
    "Older SMB dialects lack pre-authentication integrity and AES-GCM. Absent means every supported version is accepted.",
  remediation: "az storage account file-service-properties update -g <group> -n <account> --versions SMB3.1.1",
  references: { cis: ["9.1.2"], prowler: ["storage_smb_protocol_version_is_latest"] },
  related: [STORAGE_RELATED.fileService],
  check: (audited) => {
    if (!hasFileService(audited)) return notApplicable(`kind ${audited.resource.kind} has no file service`);
    const document = requireRelated(audited, STORAGE_RELATED.fileService);
    const evidence = {
      ...documentProperty(document, FILE_SERVICE, "properties.protocolSettings.smb.versions"),
      expected: "SMB3.1.1",
    };
    const versions = semicolonList(valueAt(document, "properties.protocolSettings.smb.versions"));
    if (versions.length === 0) return fail("all SMB versions are accepted (not set)", evidence);
    return versions.every((version) => version === "SMB3.1.1")
      ? pass("SMB 3.1.1 only", evidence)
      : fail(`SMB versions accepted: ${versions.join(", ")}`, evidence);
  },
});

export const smbChannelEncryptionRule = storageAccountRule({
  id: "storage.smb-channel-encryption",
  title: "SMB channel encryption is AES-256-GCM only",
  severity: "low",
  rationale:
    "AES-128 modes are weaker; restricting to AES-256-GCM keeps file traffic on the strongest cipher. Absent means all ciphers.",
  remediation:
    "az storage account file-service-properties update -g <group> -n <account> --channel-encryption AES-256-GCM",
  references: { cis: ["9.1.3"], prowler: ["storage_smb_channel_encryption_with_secure_algorithm"] },
  related: [STORAGE_RELATED.fileService],
  check: (audited) => {
    if (!hasFileService(audited)) return notApplicable(`kind ${audited.resource.kind} has no file service`);
    const document = requireRelated(audited, STORAGE_RELATED.fileService);
    const evidence = {
      ...documentProperty(document, FILE_SERVICE, "properties.protocolSettings.smb.channelEncryption"),
      expected: "AES-256-GCM",
    };
    const ciphers = semicolonList(valueAt(document, "properties.protocolSettings.smb.channelEncryption"));
    if (ciphers.length === 0) return fail("all SMB channel ciphers are accepted (not set)", evidence);
    return ciphers.every((cipher) => cipher === "AES-256-GCM")
      ? pass("AES-256-GCM only", evidence)
      : fail(`SMB channel ciphers accepted: ${ciphers.join(", ")}`, evidence);
  },
});
