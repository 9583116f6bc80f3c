import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import type { AuditScope } from "@infra/task";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStorageAudit, storageAudit } from "../../../src/audit/collect/storage-audit.ts";
import { findingsOf, runAudit, seededAccounts, signIn } from "./audit-emulator.ts";

const LEGACY = "legacydata001";
const subscription1: AuditScope = { subscriptionIds: [SEED.subscription1] };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  // A second, well-configured account beside the brownfield one, so faults can hit one and not the other.
  await emulator.admin.seed({ resources: seededAccounts(SEED.subscription1, "rg-neighbour", 1) });
});
afterAll(() => emulator?.close());
afterEach(async () => {
  await emulator.admin.clearFaults();
});

describe("storage audit of the default seed (real SDKs against the emulator)", () => {
  it.each([
    ["storage.blob-anonymous-access", "critical"],
    ["storage.public-containers", "critical"],
    ["storage.minimum-tls", "high"],
    ["storage.shared-key-disabled", "high"],
    ["storage.blob-soft-delete", "medium"],
    ["storage.container-soft-delete", "medium"],
  ])("reports the brownfield account under %s at %s", async (ruleId, severity) => {
    const result = await runAudit(storageAudit, await signIn(emulator, "ops"), subscription1);
    expect(findingsOf(result.findings, LEGACY)).toContain(`${ruleId} fail ${severity}`);
  });

  it("reads each thing once: one account list, one lock list, three documents per account; nothing unevaluated", async () => {
    await emulator.admin.clearRequests();
    const result = await runAudit(storageAudit, await signIn(emulator, "ops"), subscription1);
    const reads = (await emulator.admin.requests())
      .filter((entry) => entry.path.startsWith("/subscriptions/"))
      .map(
        (entry) =>
          `${entry.method} ${new URL(entry.path, "https://x").pathname.replace(/^\/subscriptions\/[^/]+/, "")}`,
      );
    expect(reads.filter((read) => read.endsWith("/Microsoft.Storage/storageAccounts"))).toHaveLength(1);
    expect(reads.filter((read) => read.endsWith("/Microsoft.Authorization/locks"))).toHaveLength(1);
    expect(reads.filter((read) => read.includes(`/${LEGACY}/`)).sort()).toEqual([
      `GET /resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/${LEGACY}/blobServices/default`,
      `GET /resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/${LEGACY}/blobServices/default/containers`,
      `GET /resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/${LEGACY}/fileServices/default`,
    ]);
    expect(result.resourcesRead).toBe(2);
    expect(result.findings.filter((finding) => finding.status === "error")).toEqual([]);
  });

  it("keeps absent properties absent: secure transfer passes on the brownfield account (absent = true)", async () => {
    const result = await runAudit(storageAudit, await signIn(emulator, "ops"), subscription1);
    expect(findingsOf(result.findings, LEGACY)).toContain("storage.secure-transfer pass high");
  });

  it("gives the Reader-only auditor the same findings as the Owner", async () => {
    const asOps = await runAudit(storageAudit, await signIn(emulator, "ops"), subscription1);
    const asAuditor = await runAudit(storageAudit, await signIn(emulator, "auditor"), subscription1);
    expect(findingsOf(asAuditor.findings, LEGACY)).toEqual(findingsOf(asOps.findings, LEGACY));
    expect(
      asAuditor.findings.map(({ ruleId, resourceId, status }) => `${ruleId} ${resourceId} ${status}`).sort(),
    ).toEqual(asOps.findings.map(({ ruleId, resourceId, status }) => `${ruleId} ${resourceId} ${status}`).sort());
  });

  it("narrows to --resource-group", async () => {
    const result = await runAudit(storageAudit, await signIn(emulator, "auditor"), {
      ...subscription1,
      resourceGroup: "RG-LEGACY",
    });
    expect(new Set(result.findings.map((finding) => finding.resourceId.split("/").at(-1)))).toEqual(new Set([LEGACY]));
  });
});

describe("storage audit when reads fail (fail closed)", () => {
  it("turns a 403 on one account's blob service into error findings for that account only", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: `/storageAccounts/${LEGACY}/blobServices/default\\?`,
      status: 403,
      code: "AuthorizationFailed",
      message:
        "The client does not have authorization to perform action 'Microsoft.Storage/storageAccounts/blobServices/read'.",
    });
    const result = await runAudit(storageAudit, await signIn(emulator, "auditor"), subscription1);
    const errors = result.findings.filter((finding) => finding.status === "error");
    expect(errors.map((finding) => finding.ruleId).sort()).toEqual([
      "storage.blob-soft-delete",
      "storage.blob-versioning",
      "storage.container-soft-delete",
    ]);
    expect(errors.every((finding) => finding.resourceId.endsWith(`/${LEGACY}`))).toBe(true);
    expect(errors[0]?.message).toMatch(/403 AuthorizationFailed/);
    // The account's other documents were read: its container is still reported.
    expect(findingsOf(result.findings, LEGACY)).toContain("storage.public-containers fail critical");
  });

  it("turns a failed account list into error findings for every storage rule, not an empty pass", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: "/providers/Microsoft.Storage/storageAccounts\\?",
      status: 403,
      code: "AuthorizationFailed",
    });
    const result = await runAudit(createStorageAudit(), await signIn(emulator, "auditor"), subscription1);
    expect(result.resourcesRead).toBe(0);
    expect(result.findings.length).toBeGreaterThan(20);
    expect(
      result.findings.every((finding) => finding.status === "error" && /403 AuthorizationFailed/.test(finding.message)),
    ).toBe(true);
  });
});
