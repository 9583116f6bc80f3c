import { evaluateRules } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { storageRules } from "../../src/audit/storage-rules.ts";
import { account, audited, blobService, container, context, fileService } from "./arm-fixtures.ts";

describe("a brownfield account (public blob access, TLS1_0, shared key, no soft delete, public container)", () => {
  const resource = account({
    allowBlobPublicAccess: true,
    minimumTlsVersion: "TLS1_0",
    allowSharedKeyAccess: true,
    supportsHttpsTrafficOnly: true,
  });
  const findings = evaluateRules(
    storageRules,
    [
      audited(resource, {
        blobService: blobService({ deleteRetentionPolicy: { enabled: false }, isVersioningEnabled: false }),
        fileService: fileService(),
        containers: [container("public-assets", "Container")],
        locks: [],
      }),
    ],
    context,
  );
  const failed = new Map(findings.filter((f) => f.status === "fail").map((f) => [f.ruleId, f.severity]));

  it.each([
    ["storage.blob-anonymous-access", "critical"],
    ["storage.public-containers", "critical"],
    ["storage.minimum-tls", "high"],
    ["storage.shared-key-disabled", "high"],
    ["storage.blob-soft-delete", "medium"],
    ["storage.container-soft-delete", "medium"],
  ])("is reported by %s at %s", (ruleId, severity) => {
    expect(failed.get(ruleId)).toBe(severity);
  });

  it("does not report what it gets right", () => {
    expect(failed.has("storage.secure-transfer")).toBe(false);
    expect(findings.some((finding) => finding.status === "error")).toBe(false);
  });
});
