// Realism mode, resource side: long-running operations that take time (drawn from ranges, seeded), storage accounts
// locked while one runs, lists that lag behind creates. Real SDKs over HTTPS; raw requests only to read headers.
import { randomUUID } from "node:crypto";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, type RequestLogEntry, ROLE_IDS, SEED, startEmulator } from "../src/index.ts";
import { pollUntil } from "./support/retry-until.ts";

const sub = SEED.subscription1;
const RG = "rg-realism";
const TIME_SCALE = 0.01;
// Azure time: a storage account create of 30-60 s runs 300-600 ms here.
const CREATE_RANGE = { minMs: 30_000, maxMs: 60_000 };
const REALISM = {
  profile: "azure",
  timeScale: TIME_SCALE,
  seed: 7,
  operations: {
    "PUT Microsoft.Storage/storageAccounts": CREATE_RANGE,
    "DELETE Microsoft.Resources/resourceGroups": { minMs: 100_000, maxMs: 150_000, retryAfterSeconds: 15 },
  },
} as const;
const account = { location: "westeurope", kind: "StorageV2", sku: { name: "Standard_LRS" } } as const;
const fastPolls = { updateIntervalInMs: 20 };

let emulator: Emulator;

function clientsOf(target: Emulator) {
  const credential = new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: target.url,
    disableInstanceDiscovery: true,
  });
  return {
    credential,
    resources: new ResourceManagementClient(credential, sub, { endpoint: target.url }),
    storage: new StorageManagementClient(credential, sub, { endpoint: target.url }),
    msi: new ManagedServiceIdentityClient(credential, sub, {
      endpoint: target.url,
      credentialScopes: ["https://management.azure.com/.default"],
    }),
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The duration realism drew for the operation a logged PUT or DELETE started. */
function drawnMs(entry: RequestLogEntry | undefined): number {
  const ms = /^operation takes (\d+) ms$/.exec(entry?.realism ?? "")?.[1];
  if (ms === undefined) throw new Error(`no drawn duration on ${entry?.method} ${entry?.path}`);
  return Number(ms);
}

const accountPut = (log: RequestLogEntry[], name: string) =>
  log.find((e) => e.method === "PUT" && e.path.split("?")[0]?.endsWith(`/storageAccounts/${name}`));

beforeAll(async () => {
  emulator = await startEmulator({ config: { realism: { ...REALISM, listLagMs: 0 } } });
  await clientsOf(emulator).resources.resourceGroups.createOrUpdate(RG, { location: "westeurope" });
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.config({ realism: { ...REALISM, listLagMs: 0 } });
});

describe("long-running operation durations", () => {
  it("a storage account create runs for a duration drawn from its range, however often it is polled", async () => {
    const { storage } = clientsOf(emulator);
    const names = ["lrotime001", "lrotime002", "lrotime003"];
    for (const name of names) {
      expect((await storage.storageAccounts.create(RG, name, account, fastPolls)).provisioningState).toBe("Succeeded");
    }
    const log = await emulator.admin.requests();
    const puts = names.map((name) => log.indexOf(accountPut(log, name) as RequestLogEntry));
    puts.forEach((at, i) => {
      const put = log[at] as RequestLogEntry;
      const took = drawnMs(put);
      expect(took).toBeGreaterThanOrEqual(CREATE_RANGE.minMs * TIME_SCALE);
      expect(took).toBeLessThanOrEqual(CREATE_RANGE.maxMs * TIME_SCALE);
      // Its polls (the SDK asks every 20 ms) answered 202 until the drawn time was up, then 200 once.
      const polls = log.slice(at + 1, puts[i + 1] ?? log.length).filter((e) => e.path.includes("/operationResults/"));
      expect(polls.length).toBeGreaterThan(1);
      expect(polls.slice(0, -1).every((e) => e.status === 202)).toBe(true);
      const last = polls.at(-1) as RequestLogEntry;
      expect(last.status).toBe(200);
      expect(Date.parse(last.time) - (Date.parse(put.time) - put.durationMs)).toBeGreaterThanOrEqual(took - 1);
    });
  });

  it("the same seed draws the same durations in another emulator; another seed draws others", async () => {
    const names = ["seeded001", "seeded002", "seeded003"];
    const drawsWith = async (seed: number): Promise<number[]> => {
      const quick = { "PUT Microsoft.Storage/storageAccounts": { minMs: 0, maxMs: 20_000 } }; // 0-200 ms here
      const other = await startEmulator({ config: { realism: { ...REALISM, seed, operations: quick } } });
      try {
        const { resources, storage } = clientsOf(other);
        await resources.resourceGroups.createOrUpdate(RG, { location: "westeurope" });
        for (const name of names) await storage.storageAccounts.create(RG, name, account, fastPolls);
        const log = await other.admin.requests();
        return names.map((name) => drawnMs(accountPut(log, name)));
      } finally {
        await other.close();
      }
    };
    const first = await drawsWith(7);
    expect(await drawsWith(7)).toEqual(first);
    expect(await drawsWith(8)).not.toEqual(first);
  });

  it("202s carry Retry-After where Azure sends one: none on a storage account create, 15 s (scaled) on a group delete", async () => {
    const { credential, resources } = clientsOf(emulator);
    const token = (await credential.getToken("https://management.azure.com/.default"))?.token ?? "";
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${emulator.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = await send(
      "PUT",
      `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/retryafter01?api-version=2026-09-01`,
      account,
    );
    expect(created.status).toBe(202);
    expect(created.headers.get("location")).toMatch(/\/operationResults\//);
    expect(created.headers.get("retry-after")).toBeNull();

    await resources.resourceGroups.createOrUpdate("rg-realism-delete", { location: "westeurope" });
    const deleted = await send(
      "DELETE",
      `/subscriptions/${sub}/resourcegroups/rg-realism-delete?api-version=2025-04-01`,
    );
    expect(deleted.status).toBe(202);
    expect(deleted.headers.get("retry-after")).toBe("1"); // 15 s x 0.01, rounded up to the 1 s a client can honour
    // The group is there until the delete's drawn time is up, then gone without anyone polling.
    const seen = await pollUntil(
      () => resources.resourceGroups.checkExistence("rg-realism-delete").then((r) => r.body),
      (exists) => !exists,
    );
    expect(seen[0]).toBe(true);
  });
});

describe("storage account lock", () => {
  it("writes to an account and its children answer 409 StorageAccountOperationInProgress while its create runs", async () => {
    await emulator.admin.config({
      realism: { operations: { "PUT Microsoft.Storage/storageAccounts": { minMs: 150_000, maxMs: 200_000 } } },
    });
    const { storage, resources } = clientsOf(emulator);
    const creating = storage.storageAccounts.create(RG, "lockedacct01", account, fastPolls);
    await creating.submitted();

    const conflict = {
      name: "RestError",
      statusCode: 409,
      code: "StorageAccountOperationInProgress",
      message: "An operation is currently performing on this storage account that requires exclusive access.",
    };
    await expect(storage.storageAccounts.update(RG, "lockedacct01", { tags: { a: "1" } })).rejects.toMatchObject(
      conflict,
    );
    await expect(storage.blobContainers.create(RG, "lockedacct01", "logs", {})).rejects.toMatchObject(conflict);
    await expect(storage.storageAccounts.create(RG, "lockedacct01", account, fastPolls)).rejects.toMatchObject(
      conflict,
    );
    // Reads go through, and other resources are not locked.
    await resources.resourceGroups.update(RG, { tags: { touched: "yes" } });

    const done = await creating;
    expect(done.provisioningState).toBe("Succeeded");
    const updated = await storage.storageAccounts.update(RG, "lockedacct01", { tags: { a: "1" } });
    expect(updated.tags).toEqual({ a: "1" });
    expect((await storage.blobContainers.create(RG, "lockedacct01", "logs", {})).name).toBe("logs");

    const log = await emulator.admin.requests();
    const writes = log.filter((e) => e.method !== "GET" && e.path.includes("/storageAccounts/lockedacct01"));
    expect(writes.map((e) => `${e.method} ${e.status}`)).toEqual([
      "PUT 202",
      "PATCH 409",
      "PUT 409",
      "PUT 409",
      "PATCH 200",
      "PUT 201",
    ]);
    for (const refused of writes.filter((e) => e.status === 409)) {
      expect(refused.realism).toMatch(/^account locked by operation [0-9a-f-]{36}, \d+ ms left$/);
    }
  });
});

describe("list lag", () => {
  it("a new resource is missing from lists for a while, though a GET of its id finds it", async () => {
    await emulator.admin.config({ realism: { listLagMs: 200_000 } }); // 2 s at this time scale
    const { resources, msi } = clientsOf(emulator);
    await resources.resourceGroups.createOrUpdate("rg-lagging", { location: "westeurope" });
    const identity = await msi.userAssignedIdentities.createOrUpdate(RG, "id-lagging", { location: "westeurope" });

    const groupNames = async () => (await collect(resources.resourceGroups.list())).map((g) => g.name);
    const identityNames = async () =>
      (await collect(msi.userAssignedIdentities.listByResourceGroup(RG))).map((i) => i.name);
    const [groupsAtFirst, identitiesAtFirst] = await Promise.all([groupNames(), identityNames()]);
    expect(groupsAtFirst).not.toContain("rg-lagging");
    expect(groupsAtFirst).toContain(RG); // older resources are listed all along
    expect(identitiesAtFirst).not.toContain("id-lagging");
    // A GET of the id finds them meanwhile.
    expect((await resources.resourceGroups.get("rg-lagging")).name).toBe("rg-lagging");
    expect((await msi.userAssignedIdentities.get(RG, "id-lagging")).principalId).toBe(identity.principalId);
    await pollUntil(groupNames, (names) => names.includes("rg-lagging"));
    await pollUntil(identityNames, (names) => names.includes("id-lagging"));

    const log = await emulator.admin.requests();
    const lagged = log.filter((e) => e.method === "GET" && e.realism !== undefined);
    expect(lagged.length).toBeGreaterThan(0);
    expect(lagged[0]?.realism).toMatch(/^list hides 1 resource\(s\) created less than 2000 ms ago$/);
  });
});

describe("realism off", () => {
  it("switching the profile off at run time answers at once again: no lock, no lag, no replication delay", async () => {
    await emulator.admin.config({ realism: { profile: "off" } });
    const { credential, resources, storage, msi } = clientsOf(emulator);
    await storage.storageAccounts.create(RG, "offacct0001", account, fastPolls);
    // With realism off the create was done on its first poll, and the account takes writes at once.
    expect((await storage.storageAccounts.update(RG, "offacct0001", { tags: { a: "1" } })).tags).toEqual({ a: "1" });

    const identity = await msi.userAssignedIdentities.createOrUpdate(RG, "id-instant", { location: "westeurope" });
    const authorization = new AuthorizationManagementClient(credential, sub, {
      endpoint: emulator.url,
      credentialScopes: ["https://management.azure.com/.default"],
    });
    const assigned = await authorization.roleAssignments.create(
      `/subscriptions/${sub}/resourceGroups/${RG}`,
      randomUUID(),
      {
        roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.reader}`,
        principalId: identity.principalId ?? "",
      },
    );
    expect(assigned.principalId).toBe(identity.principalId);
    expect((await collect(msi.userAssignedIdentities.listByResourceGroup(RG))).map((i) => i.name)).toContain(
      "id-instant",
    );
    await resources.resourceGroups.createOrUpdate("rg-instant", { location: "westeurope" });
    expect((await collect(resources.resourceGroups.list())).map((g) => g.name)).toContain("rg-instant");

    const log = await emulator.admin.requests();
    expect(
      log.filter(
        (e) => e.realism !== undefined && Date.parse(e.time) >= Date.parse(accountPut(log, "offacct0001")?.time ?? ""),
      ),
    ).toEqual([]);
  });
});
