import { unreadable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import {
  blobSoftDeleteRule,
  blobVersioningRule,
  containerSoftDeleteRule,
} from "../../src/audit/rules/blob-data-protection.ts";
import {
  fileShareSoftDeleteRule,
  smbChannelEncryptionRule,
  smbVersionRule,
} from "../../src/audit/rules/file-service.ts";
import { ABSENT, account, blobService, fileService } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

describe("storage.blob-soft-delete", () => {
  it.each([
    ["enabled, 300 days (the BlobServicesGet example)", {}, "pass"],
    ["enabled, 7 days", { "deleteRetentionPolicy.days": 7 }, "pass"],
    ["enabled, 3 days", { "deleteRetentionPolicy.days": 3 }, "fail"],
    ["disabled", { deleteRetentionPolicy: { enabled: false } }, "fail"],
    ["policy absent", { deleteRetentionPolicy: ABSENT }, "fail"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(blobSoftDeleteRule, account(), { blobService: blobService(patch) }).status).toBe(expected);
  });
});

describe("storage.container-soft-delete", () => {
  it.each([
    ["enabled, 14 days", { containerDeleteRetentionPolicy: { enabled: true, days: 14 } }, "pass"],
    ["enabled, 1 day", { containerDeleteRetentionPolicy: { enabled: true, days: 1 } }, "fail"],
    ["disabled", { containerDeleteRetentionPolicy: { enabled: false } }, "fail"],
    ["absent (the BlobServicesGet example)", {}, "fail"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(containerSoftDeleteRule, account(), { blobService: blobService(patch) }).status).toBe(expected);
  });
});

describe("storage.blob-versioning", () => {
  it.each([
    ["enabled (the BlobServicesGet example)", {}, {}, "pass"],
    ["disabled", {}, { isVersioningEnabled: false }, "fail"],
    ["absent", {}, { isVersioningEnabled: ABSENT }, "fail"],
    [
      "absent on a hierarchical-namespace account",
      { isHnsEnabled: true },
      { isVersioningEnabled: ABSENT },
      "not-applicable",
    ],
  ])("%s -> %s", (_label, accountPatch, servicePatch, expected) => {
    expect(runRule(blobVersioningRule, account(accountPatch), { blobService: blobService(servicePatch) }).status).toBe(
      expected,
    );
  });
});

describe("storage.file-share-soft-delete", () => {
  it.each([
    ["enabled, 7 days", {}, "pass"],
    ["enabled, 1 day", { "shareDeleteRetentionPolicy.days": 1 }, "fail"],
    ["disabled", { shareDeleteRetentionPolicy: { enabled: false } }, "fail"],
    ["absent", { shareDeleteRetentionPolicy: ABSENT }, "fail"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(fileShareSoftDeleteRule, account(), { fileService: fileService(patch) }).status).toBe(expected);
  });
});

describe("storage.smb-version", () => {
  it.each([
    ["SMB3.1.1", "pass"],
    ["SMB3.1.1;", "pass"],
    ["SMB3.0;SMB3.1.1;", "fail"],
    ["SMB2.1;SMB3.0;SMB3.1.1", "fail"],
    [ABSENT, "fail"],
  ])("versions %s -> %s", (versions, expected) => {
    const finding = runRule(smbVersionRule, account(), {
      fileService: fileService({ "protocolSettings.smb.versions": versions }),
    });
    expect(finding.status).toBe(expected);
  });
});

describe("storage.smb-channel-encryption", () => {
  it.each([
    ["AES-256-GCM", "pass"],
    ["AES-256-GCM;", "pass"],
    ["AES-128-CCM;AES-128-GCM;AES-256-GCM", "fail"],
    [ABSENT, "fail"],
  ])("channelEncryption %s -> %s", (ciphers, expected) => {
    const finding = runRule(smbChannelEncryptionRule, account(), {
      fileService: fileService({ "protocolSettings.smb.channelEncryption": ciphers }),
    });
    expect(finding.status).toBe(expected);
  });
});

describe("service-property rules fail closed and know their account kinds", () => {
  const blobRules = [blobSoftDeleteRule, containerSoftDeleteRule, blobVersioningRule];
  const fileRules = [fileShareSoftDeleteRule, smbVersionRule, smbChannelEncryptionRule];

  it.each([...blobRules, ...fileRules].map((rule) => [rule.id, rule]))(
    "%s: an unreadable or missing service document is an error",
    (_id, rule) => {
      const document = rule.related?.[0] ?? "";
      expect(runRule(rule, account(), { [document]: unreadable("429 throttled, retries exhausted") }).status).toBe(
        "error",
      );
      expect(runRule(rule, account(), {}).status).toBe("error");
    },
  );

  it.each(blobRules.map((rule) => [rule.id, rule]))("%s: not applicable to FileStorage accounts", (_id, rule) => {
    expect(runRule(rule, account({}, {}), {}).status).toBe("error");
    expect(runRule(rule, account({}, { kind: "FileStorage" }), {}).status).toBe("not-applicable");
  });

  it.each(
    fileRules.flatMap((rule) => ["BlobStorage", "BlockBlobStorage"].map((kind) => [rule.id, kind, rule] as const)),
  )("%s: not applicable to %s accounts", (_id, kind, rule) => {
    expect(runRule(rule, account({}, { kind }), {}).status).toBe("not-applicable");
  });
});
