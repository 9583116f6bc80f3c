import { isSeverity } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { storageRelatedDocuments, storageRules } from "../../src/audit/storage-rules.ts";

describe("storageRules", () => {
  it("has unique, well-formed ids and complete metadata", () => {
    const ids = storageRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of storageRules) {
      expect(rule.id).toMatch(/^storage\.[a-z0-9-]+$/);
      expect(isSeverity(rule.severity)).toBe(true);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.remediation.length).toBeGreaterThan(20);
      expect(rule.resourceType).toBe("Microsoft.Storage/storageAccounts");
    }
  });

  it("covers checks 1-25, 27 and 28 of audit-rules.md", () => {
    expect(storageRules).toHaveLength(27);
  });

  it("tells collectors which related documents to read", () => {
    expect([...storageRelatedDocuments].sort()).toEqual(["blobService", "containers", "fileService", "locks"]);
  });
});
