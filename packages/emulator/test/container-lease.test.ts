import { StorageManagementClient } from "@azure/arm-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaseAction, leaseState, type StoredLease } from "../src/providers/storage/container-lease.ts";
import { SEED } from "../src/seed/seed-ids.ts";
import { type EmulatorSession, openSession } from "./support/emulator-session.ts";

// Blob container leases through Resource Manager (BlobContainers_Lease), as Microsoft's examples
// BlobContainersLease_Acquire.json and BlobContainersLease_Break.json (2025-08-01) show them: Acquire answers
// `{leaseId}`, Break `{leaseTimeSeconds}` as a string; refusals carry the blob service's codes.

const NOW = 1_000_000;
const held: StoredLease = { id: "11111111-1111-4111-8111-111111111111", duration: 15, expiresAt: NOW + 15_000 };

describe("the lease state machine", () => {
  it.each<{ label: string; lease: StoredLease | undefined; at: number; state: string }>([
    { label: "no lease", lease: undefined, at: NOW, state: "Available" },
    { label: "a fixed lease in its time", lease: held, at: NOW + 14_000, state: "Leased" },
    { label: "a fixed lease past its time", lease: held, at: NOW + 15_000, state: "Expired" },
    { label: "an infinite lease", lease: { id: "x", duration: -1 }, at: NOW + 10 ** 9, state: "Leased" },
    { label: "a lease being broken", lease: { ...held, breaksAt: NOW + 5000 }, at: NOW, state: "Breaking" },
    { label: "a broken lease", lease: { ...held, breaksAt: NOW }, at: NOW, state: "Broken" },
  ])("$label is $state", ({ lease, at, state }) => {
    expect(leaseState(lease, at)).toBe(state);
  });

  it.each<{ label: string; lease: StoredLease | undefined; body: Record<string, unknown>; code: string }>([
    {
      label: "acquire while leased",
      lease: held,
      body: { action: "Acquire", leaseDuration: 15 },
      code: "LeaseAlreadyPresent",
    },
    {
      label: "renew with another id",
      lease: held,
      body: { action: "Renew", leaseId: "other" },
      code: "LeaseIdMismatchWithLeaseOperation",
    },
    {
      label: "release with another id",
      lease: held,
      body: { action: "Release", leaseId: "other" },
      code: "LeaseIdMismatchWithLeaseOperation",
    },
    {
      label: "break with no lease",
      lease: undefined,
      body: { action: "Break" },
      code: "LeaseNotPresentWithLeaseOperation",
    },
    {
      label: "a 10-second lease",
      lease: undefined,
      body: { action: "Acquire", leaseDuration: 10 },
      code: "InvalidHeaderValue",
    },
    {
      label: "renew a broken lease",
      lease: { ...held, breaksAt: NOW },
      body: { action: "Renew", leaseId: held.id },
      code: "LeaseIsBrokenAndCannotBeRenewed",
    },
  ])("refuses $label with $code", ({ lease, body, code }) => {
    expect(() => leaseAction(lease, body, NOW)).toThrow(expect.objectContaining({ code }));
  });

  it("lets anyone acquire an expired or broken lease", () => {
    expect(leaseAction(held, { action: "Acquire", leaseDuration: 20 }, NOW + 16_000).lease?.duration).toBe(20);
    const broken = { ...held, breaksAt: NOW };
    expect(leaseAction(broken, { action: "Acquire", leaseDuration: -1 }, NOW).lease?.duration).toBe(-1);
  });
});

let session: EmulatorSession;
let storage: StorageManagementClient;
const RG = "rg-lease-sdk";

beforeAll(async () => {
  session = await openSession();
  storage = new StorageManagementClient(session.credential, SEED.subscription1, session.clientOptions);
  await session.request("PUT", `/subscriptions/${SEED.subscription1}/resourcegroups/${RG}?api-version=2025-04-01`, {
    location: "westeurope",
  });
  await storage.storageAccounts.create(RG, "leaseacct001", {
    location: "westeurope",
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
  });
  await storage.blobContainers.create(RG, "leaseacct001", "locked", {});
});
afterAll(async () => {
  await session?.close();
});

describe("container leases through the real @azure/arm-storage client", () => {
  it("acquires with a proposed id, refuses a second caller with 409, shows the lease, breaks and frees it", async () => {
    const leaseId = "6f0b7d9a-3a51-4c5f-9d2b-2f1f6c0e0a11";
    const acquired = await storage.blobContainers.lease(RG, "leaseacct001", "locked", {
      parameters: { action: "Acquire", leaseDuration: 15, proposedLeaseId: leaseId },
    });
    expect(acquired).toEqual({ leaseId });

    await expect(
      storage.blobContainers.lease(RG, "leaseacct001", "locked", {
        parameters: { action: "Acquire", leaseDuration: 15 },
      }),
    ).rejects.toMatchObject({ statusCode: 409, code: "LeaseAlreadyPresent" });

    const shown = await storage.blobContainers.get(RG, "leaseacct001", "locked");
    expect([shown.leaseStatus, shown.leaseState, shown.leaseDuration]).toEqual(["Locked", "Leased", "Fixed"]);
    await expect(storage.blobContainers.delete(RG, "leaseacct001", "locked")).rejects.toMatchObject({
      statusCode: 409,
      code: "LeaseIdMissing",
    });

    // A metadata change does not need the lease and keeps it.
    await storage.blobContainers.update(RG, "leaseacct001", "locked", { metadata: { holder: "someone" } });
    expect((await storage.blobContainers.get(RG, "leaseacct001", "locked")).leaseState).toBe("Leased");

    const renewed = await storage.blobContainers.lease(RG, "leaseacct001", "locked", {
      parameters: { action: "Renew", leaseId },
    });
    expect(renewed.leaseId).toBe(leaseId);

    const broken = await storage.blobContainers.lease(RG, "leaseacct001", "locked", {
      parameters: { action: "Break", breakPeriod: 0 },
    });
    expect(broken).toEqual({ leaseTimeSeconds: "0" });
    const listed = [];
    for await (const container of storage.blobContainers.list(RG, "leaseacct001")) listed.push(container);
    expect(listed.map((container) => [container.name, container.leaseState, container.leaseStatus])).toEqual([
      ["locked", "Broken", "Unlocked"],
    ]);
    const next = await storage.blobContainers.lease(RG, "leaseacct001", "locked", {
      parameters: { action: "Acquire", leaseDuration: -1 },
    });
    expect(next.leaseId).toMatch(/^[0-9a-f-]{36}$/);
    await storage.blobContainers.lease(RG, "leaseacct001", "locked", {
      parameters: { action: "Release", leaseId: next.leaseId },
    });
    expect((await storage.blobContainers.get(RG, "leaseacct001", "locked")).leaseState).toBe("Available");
  });
});
