import { fail, notApplicable, pass, RelatedDocumentError, requireRelated } from "@infra/audit/rules";
import { accountProperty, hasBlobService } from "../account-facts.ts";
import { STORAGE_RELATED } from "../related-documents.ts";
import { storageAccountRule } from "../storage-rule.ts";

export const blobAnonymousAccessRule = storageAccountRule({
  id: "storage.blob-anonymous-access",
  title: "Anonymous blob access is disallowed on the account",
  severity: "critical",
  rationale:
    "While allowed, any container set to Blob or Container access serves its data to anyone with the URL, with no log of who read it. Absent or null is interpreted as false.",
  remediation: "az storage account update -g <group> -n <account> --allow-blob-public-access false",
  references: {
    cis: ["9.3.8"],
    azurePolicy: ["4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"],
    psrule: ["Azure.Storage.BlobPublicAccess"],
    prowler: ["storage_blob_public_access_level_is_disabled"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "allowBlobPublicAccess"), expected: "false or absent" };
    return evidence.actual === true
      ? fail("anonymous blob access is allowed", evidence)
      : pass("anonymous blob access is disallowed", evidence);
  },
});

export const publicContainersRule = storageAccountRule({
  id: "storage.public-containers",
  title: "No container allows anonymous access",
  severity: "critical",
  rationale:
    "A container with publicAccess Blob or Container serves its blobs to anyone on the internet while the account allows anonymous access. If the account disallows it the setting is dormant, and reappears the day the account setting is flipped.",
  remediation:
    "az storage container set-permission --account-name <account> -n <container> --public-access off --auth-mode login",
  references: {
    psrule: ["Azure.Storage.BlobAccessType"],
    checkov: ["CKV_AZURE_34"],
  },
  related: [STORAGE_RELATED.containers],
  check: (audited) => {
    if (!hasBlobService(audited)) return notApplicable(`kind ${audited.resource.kind} has no blob service`);
    const containers = requireRelated(audited, STORAGE_RELATED.containers);
    if (!Array.isArray(containers)) {
      throw new RelatedDocumentError(STORAGE_RELATED.containers, "expected an array of containers");
    }
    const open = containers
      .map((container: { name?: unknown; properties?: { publicAccess?: unknown } }) => ({
        path: `containers.${String(container.name)}.properties.publicAccess`,
        actual: container.properties?.publicAccess,
        expected: "None or absent",
      }))
      .filter((evidence) => evidence.actual === "Blob" || evidence.actual === "Container");
    if (open.length === 0) return pass(`none of ${containers.length} containers allows anonymous access`);
    const account = accountProperty(audited, "allowBlobPublicAccess");
    const names = open.map((evidence) => evidence.path.split(".")[1]).join(", ");
    return account.actual === true
      ? fail(`public containers: ${names}`, account, ...open)
      : pass(`containers set public but the account disallows anonymous access (dormant): ${names}`, account, ...open);
  },
});
