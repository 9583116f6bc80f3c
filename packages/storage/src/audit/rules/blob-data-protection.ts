import { type CheckResult, type Evidence, fail, notApplicable, pass, requireRelated } from "@infra/audit/rules";
import { valueAt } from "@infra/plan/property-path";
import { STORAGE_LIMITS } from "../../baseline.ts";
import { documentProperty, hasBlobService } from "../account-facts.ts";
import { STORAGE_RELATED } from "../related-documents.ts";
import { storageAccountRule } from "../storage-rule.ts";

const BLOB_SERVICE = "blobServices/default";

/** Soft delete checks share one shape: a retention policy object with `enabled` and `days`. */
function retentionPolicyResult(document: unknown, policyPath: string, what: string): CheckResult {
  const enabled = { ...documentProperty(document, BLOB_SERVICE, `${policyPath}.enabled`), expected: "true" };
  const days: Evidence = {
    ...documentProperty(document, BLOB_SERVICE, `${policyPath}.days`),
    expected: `>= ${STORAGE_LIMITS.minimumSoftDeleteDays}`,
  };
  if (enabled.actual !== true) return fail(`${what} soft delete is off`, enabled);
  const retention = valueAt(document, `${policyPath}.days`);
  return typeof retention === "number" && retention >= STORAGE_LIMITS.minimumSoftDeleteDays
    ? pass(`${what} soft delete keeps ${retention} days`, enabled, days)
    : fail(`${what} soft delete keeps ${String(retention ?? "an unknown number of")} days`, enabled, days);
}

export const blobSoftDeleteRule = storageAccountRule({
  id: "storage.blob-soft-delete",
  title: `Blob soft delete keeps deleted blobs for at least ${STORAGE_LIMITS.minimumSoftDeleteDays} days`,
  severity: "medium",
  rationale:
    "Soft delete lets you recover blobs deleted or overwritten by mistake or by an attacker. Absent means off.",
  remediation:
    "az storage account blob-service-properties update -g <group> -n <account> --enable-delete-retention true --delete-retention-days 14",
  references: { cis: ["9.2.1"], psrule: ["Azure.Storage.SoftDelete"] },
  related: [STORAGE_RELATED.blobService],
  check: (audited) => {
    if (!hasBlobService(audited)) return notApplicable(`kind ${audited.resource.kind} has no blob service`);
    return retentionPolicyResult(
      requireRelated(audited, STORAGE_RELATED.blobService),
      "properties.deleteRetentionPolicy",
      "blob",
    );
  },
});

export const containerSoftDeleteRule = storageAccountRule({
  id: "storage.container-soft-delete",
  title: `Container soft delete keeps deleted containers for at least ${STORAGE_LIMITS.minimumSoftDeleteDays} days`,
  severity: "medium",
  rationale: "Deleting a container deletes every blob in it at once; container soft delete makes that recoverable.",
  remediation:
    "az storage account blob-service-properties update -g <group> -n <account> --enable-container-delete-retention true --container-delete-retention-days 14",
  references: {
    cis: ["9.2.2"],
    psrule: ["Azure.Storage.ContainerSoftDelete"],
    prowler: ["storage_ensure_soft_delete_is_enabled"],
  },
  related: [STORAGE_RELATED.blobService],
  check: (audited) => {
    if (!hasBlobService(audited)) return notApplicable(`kind ${audited.resource.kind} has no blob service`);
    return retentionPolicyResult(
      requireRelated(audited, STORAGE_RELATED.blobService),
      "properties.containerDeleteRetentionPolicy",
      "container",
    );
  },
});

export const blobVersioningRule = storageAccountRule({
  id: "storage.blob-versioning",
  title: "Blob versioning is enabled",
  severity: "low",
  rationale:
    "Versioning keeps every previous version of a blob, so an overwrite (ransomware, a bad deploy) can be rolled back. Absent means off. Not available on accounts with a hierarchical namespace.",
  remediation: "az storage account blob-service-properties update -g <group> -n <account> --enable-versioning true",
  references: { cis: ["9.2.3"], prowler: ["storage_blob_versioning_is_enabled"] },
  related: [STORAGE_RELATED.blobService],
  check: (audited) => {
    if (!hasBlobService(audited)) return notApplicable(`kind ${audited.resource.kind} has no blob service`);
    const hns = { path: "properties.isHnsEnabled", actual: valueAt(audited.resource, "properties.isHnsEnabled") };
    if (hns.actual === true) return notApplicable("versioning is not supported with a hierarchical namespace", hns);
    const document = requireRelated(audited, STORAGE_RELATED.blobService);
    const evidence = {
      ...documentProperty(document, BLOB_SERVICE, "properties.isVersioningEnabled"),
      expected: "true",
    };
    return evidence.actual === true ? pass("versioning is on", evidence) : fail("versioning is off", evidence);
  },
});
