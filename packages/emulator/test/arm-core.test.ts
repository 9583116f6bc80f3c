import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, ROLE_IDS, SEED, startEmulator } from "../src/index.ts";

let emulator: Emulator;
const sub = SEED.subscription1;

function credential(who: "ops" | "auditor"): ClientSecretCredential {
  return credentialOf(SEED[who].clientId, SEED[who].secret);
}
function credentialOf(clientId: string, secret: string): ClientSecretCredential {
  return new ClientSecretCredential(SEED.tenantId, clientId, secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
}
function resources(who: "ops" | "auditor" = "ops", retries = 3): ResourceManagementClient {
  return new ResourceManagementClient(credential(who), sub, {
    endpoint: emulator.url,
    retryOptions: { maxRetries: retries, retryDelayInMs: 10, maxRetryDelayInMs: 50 },
  });
}
async function armFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await credential("ops").getToken("https://management.azure.com/.default");
  return fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json", ...(init.headers ?? {}) },
  });
}

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
afterEach(async () => {
  await emulator.admin.reset();
});

describe("resource groups with the real arm-resources client", () => {
  it("create, get (stored casing), check existence, update tags, list with tag filter, delete with contents", async () => {
    const client = resources();
    const created = await client.resourceGroups.createOrUpdate("RG-App", {
      location: "westeurope",
      tags: { env: "dev" },
    });
    expect(created).toMatchObject({
      name: "RG-App",
      location: "westeurope",
      properties: { provisioningState: "Succeeded" },
    });
    expect((await client.resourceGroups.get("rg-app")).id).toBe(`/subscriptions/${sub}/resourceGroups/RG-App`);
    expect((await client.resourceGroups.checkExistence("rg-app")).body).toBe(true);
    expect((await client.resourceGroups.checkExistence("rg-none")).body).toBe(false);
    await client.resourceGroups.update("rg-app", { tags: { env: "prod" } });
    const tagged = [];
    for await (const rg of client.resourceGroups.list({ filter: "tagName eq 'env' and tagValue eq 'prod'" }))
      tagged.push(rg.name);
    expect(tagged).toEqual(["RG-App"]);
    await emulator.admin.seed({
      resources: [
        {
          id: `/subscriptions/${sub}/resourceGroups/RG-App/providers/Microsoft.Foo/bars/b1`,
          name: "b1",
          type: "Microsoft.Foo/bars",
          location: "westeurope",
        },
      ],
    });
    const inGroup = [];
    for await (const r of client.resources.listByResourceGroup("rg-app")) inGroup.push(r.name);
    expect(inGroup).toEqual(["b1"]);
    await client.resourceGroups.delete("rg-app");
    expect((await client.resourceGroups.checkExistence("rg-app")).body).toBe(false);
    const state = await emulator.admin.state();
    expect(state.resources.some((r) => r.name === "b1")).toBe(false);
  });

  it("validation errors carry real ARM codes", async () => {
    const client = resources();
    await expect(client.resourceGroups.createOrUpdate("rg-x", { location: "moon" })).rejects.toMatchObject({
      code: "LocationNotAvailableForResourceType",
      statusCode: 400,
    });
    await expect(client.resourceGroups.get("missing")).rejects.toMatchObject({
      code: "ResourceGroupNotFound",
      statusCode: 404,
    });
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
    await expect(client.resourceGroups.createOrUpdate("rg-x", { location: "westeurope", tags })).rejects.toMatchObject({
      statusCode: 400,
    });
    const other = new ResourceManagementClient(credential("ops"), "99999999-0000-4000-8000-000000000009", {
      endpoint: emulator.url,
    });
    await expect(other.resourceGroups.get("x")).rejects.toMatchObject({
      code: "SubscriptionNotFound",
      statusCode: 404,
    });
  });

  it.each(["location", "azure-async-operation", "synchronous"] as const)(
    "deletes a group as a %s long-running operation",
    async (style) => {
      await emulator.admin.config({ lro: { style, pollsBeforeDone: 1, retryAfterSeconds: 0 } });
      const client = resources();
      await client.resourceGroups.createOrUpdate("rg-lro", { location: "westeurope" });
      const poller = await client.resourceGroups.beginDelete("rg-lro", { updateIntervalInMs: 10 });
      await poller.pollUntilDone();
      expect((await client.resourceGroups.checkExistence("rg-lro")).body).toBe(false);
      const log = await emulator.admin.requests();
      const polls = log.filter((e) => /operation(Results|Statuses)/.test(e.path));
      expect(polls.length).toBe(style === "synchronous" ? 0 : 2);
    },
  );

  it("a group deleted by a 202 still exists until the operation completes", async () => {
    await emulator.admin.config({ lro: { style: "location", pollsBeforeDone: 5, retryAfterSeconds: 1 } });
    await resources().resourceGroups.createOrUpdate("rg-slow", { location: "westeurope" });
    const res = await armFetch(`/subscriptions/${sub}/resourcegroups/rg-slow?api-version=2025-04-01`, {
      method: "DELETE",
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("retry-after")).toBe("1");
    const location = res.headers.get("location") ?? "";
    expect(location.startsWith(emulator.url)).toBe(true);
    expect((await resources().resourceGroups.checkExistence("rg-slow")).body).toBe(true);
  });

  it("pages across 3+ pages with absolute nextLinks", async () => {
    await emulator.admin.config({ pageSize: 2 });
    const client = resources();
    for (const n of ["a", "b", "c", "d", "e"])
      await client.resourceGroups.createOrUpdate(`rg-${n}`, { location: "westeurope" });
    const first = (await (await armFetch(`/subscriptions/${sub}/resourcegroups?api-version=2025-04-01`)).json()) as {
      nextLink: string;
    };
    expect(first.nextLink.startsWith(`${emulator.url}/subscriptions/`)).toBe(true);
    const names = [];
    for await (const rg of client.resourceGroups.list()) names.push(rg.name);
    expect(names).toEqual(["rg-legacy", "rg-a", "rg-b", "rg-c", "rg-d", "rg-e"]);
  });
});

describe("authentication, RBAC, locks", () => {
  it("401 without or with a bad token, with WWW-Authenticate; 400 without api-version", async () => {
    const none = await fetch(`${emulator.url}/subscriptions/${sub}/resourcegroups?api-version=2025-04-01`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer authorization_uri=/);
    const bad = await fetch(`${emulator.url}/subscriptions/${sub}/resourcegroups?api-version=2025-04-01`, {
      headers: { authorization: "Bearer x.y.z" },
    });
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
    const noVersion = await armFetch(`/subscriptions/${sub}/resourcegroups`);
    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as { error: { code: string } }).error.code).toBe("MissingApiVersionParameter");
  });

  it("Reader reads but gets the real 403 AuthorizationFailed on write", async () => {
    const reader = resources("auditor");
    expect((await reader.resourceGroups.get("rg-legacy")).name).toBe("rg-legacy");
    const error = await reader.resourceGroups
      .createOrUpdate("rg-no", { location: "westeurope" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthorizationFailed", statusCode: 403 });
    expect(String((error as Error).message)).toContain(
      `The client '${SEED.auditor.clientId}' with object id '${SEED.auditor.objectId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '/subscriptions/${sub}/resourcegroups/rg-no' or the scope is invalid.`,
    );
  });

  it("a role on one group only: the group list is filtered to it, a provider's subscription list is a 403", async () => {
    const groupOnly = {
      clientId: "0c600000-0000-4000-8000-0000000000e1",
      objectId: "0d600000-0000-4000-8000-0000000000e1",
    };
    await emulator.admin.seed({
      principals: [{ name: "group-only", tenantId: SEED.tenantId, ...groupOnly, secrets: ["group-only-secret"] }],
    });
    const asGroupOnly = new ResourceManagementClient(credentialOf(groupOnly.clientId, "group-only-secret"), sub, {
      endpoint: emulator.url,
      retryOptions: { maxRetries: 0 },
    });
    const names = async () => {
      const out: string[] = [];
      for await (const rg of asGroupOnly.resourceGroups.list()) out.push(String(rg.name));
      return out;
    };
    // No role anywhere in the subscription: ARM refuses the list.
    await expect(names()).rejects.toMatchObject({ code: "AuthorizationFailed", statusCode: 403 });
    await resources().resourceGroups.createOrUpdate("rg-granted", { location: "westeurope" });
    const auth = new AuthorizationManagementClient(credential("ops"), sub, {
      endpoint: emulator.url,
      credentialScopes: ["https://management.azure.com/.default"],
    });
    await auth.roleAssignments.create(`/subscriptions/${sub}/resourceGroups/rg-granted`, crypto.randomUUID(), {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.contributor}`,
      principalId: groupOnly.objectId,
    });
    // rg-legacy exists too, but only the group the role is on is listed.
    expect(await names()).toEqual(["rg-granted"]);
    // Provider collections are not filtered: the subscription-wide account list needs a subscription role.
    const storage = new StorageManagementClient(credentialOf(groupOnly.clientId, "group-only-secret"), sub, {
      endpoint: emulator.url,
      retryOptions: { maxRetries: 0 },
    });
    const accounts = async () => {
      for await (const _account of storage.storageAccounts.list()) {
        // only the answer matters
      }
    };
    await expect(accounts()).rejects.toMatchObject({ code: "AuthorizationFailed", statusCode: 403 });
  });

  it("role assignments: create, duplicate 409, list with atScope() and principalId filters, Reader can now write", async () => {
    const auth = new AuthorizationManagementClient(credential("ops"), sub, {
      endpoint: emulator.url,
      credentialScopes: ["https://management.azure.com/.default"],
    });
    const scope = `/subscriptions/${sub}/resourceGroups/rg-legacy`;
    const roleDefinitionId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.contributor}`;
    const created = await auth.roleAssignments.create(scope, "c0000000-0000-4000-8000-000000000001", {
      roleDefinitionId,
      principalId: SEED.auditor.objectId,
    });
    expect(created.scope).toBe(scope);
    await expect(
      auth.roleAssignments.create(scope, "c0000000-0000-4000-8000-000000000002", {
        roleDefinitionId,
        principalId: SEED.auditor.objectId,
      }),
    ).rejects.toMatchObject({ code: "RoleAssignmentExists", statusCode: 409 });
    const mine = [];
    for await (const a of auth.roleAssignments.listForScope(scope, {
      filter: `atScope() and principalId eq '${SEED.auditor.objectId}'`,
    }))
      mine.push(a.roleDefinitionId?.split("/").pop());
    expect(mine.sort()).toEqual([ROLE_IDS.contributor, ROLE_IDS.reader].sort());
    await resources("auditor").resourceGroups.update("rg-legacy", { tags: { reviewed: "yes" } });
    const role = await auth.roleDefinitions.get(`/subscriptions/${sub}`, ROLE_IDS.owner);
    expect(role.roleName).toBe("Owner");
  });

  it("a CanNotDelete lock blocks deleting the group with 409 ScopeLocked", async () => {
    const lock = await armFetch(
      `/subscriptions/${sub}/resourceGroups/rg-legacy/providers/Microsoft.Authorization/locks/keep?api-version=2020-05-01`,
      {
        method: "PUT",
        body: JSON.stringify({ properties: { level: "CanNotDelete" } }),
      },
    );
    expect(lock.status).toBe(201);
    await expect(resources().resourceGroups.beginDeleteAndWait("rg-legacy")).rejects.toMatchObject({
      code: "ScopeLocked",
      statusCode: 409,
    });
  });
});

describe("throttling and faults", () => {
  it("300 reads in a burst: 429 after ~250 with Retry-After, the remaining header counts down", async () => {
    // A slow refill keeps the count independent of how busy the machine is.
    await emulator.admin.config({ throttling: { reads: { bucket: 250, perSecond: 1 } } });
    const token = (await credential("ops").getToken("https://management.azure.com/.default")).token;
    const statuses: number[] = [];
    const remaining: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${emulator.url}/subscriptions/${sub}/resourcegroups/rg-legacy?api-version=2025-04-01`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(res.status);
      if (res.status === 200) remaining.push(Number(res.headers.get("x-ms-ratelimit-remaining-subscription-reads")));
      else retryAfter ??= res.headers.get("retry-after");
      await res.arrayBuffer();
    }
    const firstThrottled = statuses.indexOf(429);
    expect(firstThrottled).toBeGreaterThanOrEqual(249);
    expect(firstThrottled).toBeLessThan(265);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(remaining[0]).toBe(249);
    expect(remaining[1]).toBeLessThanOrEqual(249);
  });

  it("two 503s are retried by the SDK and the call succeeds; the log shows them", async () => {
    await emulator.admin.addFault({ method: "GET", path: "/resourcegroups/rg-legacy", status: 503, count: 2 });
    await emulator.admin.clearRequests();
    expect((await resources().resourceGroups.get("rg-legacy")).name).toBe("rg-legacy");
    const log = (await emulator.admin.requests()).filter((e) => e.path.includes("/resourcegroups/rg-legacy"));
    expect(log.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(log[2]?.principal).toBe("ops");
    expect(JSON.stringify(log)).not.toMatch(/Bearer|eyJ/);
  });

  it("a delayed request is held until the faults are cleared, then answered as usual", async () => {
    await emulator.admin.addFault({ method: "GET", path: "/resourcegroups/rg-legacy", delayMs: 600_000 });
    let answered = false;
    const get = resources()
      .resourceGroups.get("rg-legacy")
      .then((group) => {
        answered = true;
        return group;
      });
    while ((await emulator.admin.faults())[0]?.hits !== 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    await emulator.admin.clearFaults();
    expect((await get).name).toBe("rg-legacy");
  });

  // ARM carries out a request it has received, whether or not the client still waits for the answer: a client that
  // times out or is killed mid-request may still have created what it asked for, and a re-run must find it.
  it("a write whose client disconnects while it is held is still carried out", async () => {
    await emulator.admin.addFault({ method: "PUT", path: "/resourcegroups/rg-gone-client", delayMs: 600_000 });
    const giveUp = new AbortController();
    const put = resources("ops", 0).resourceGroups.createOrUpdate(
      "rg-gone-client",
      { location: "westeurope", tags: { made: "while-nobody-waited" } },
      { abortSignal: giveUp.signal },
    );
    while ((await emulator.admin.faults())[0]?.hits !== 1) await new Promise((resolve) => setTimeout(resolve, 50));
    giveUp.abort();
    await expect(put).rejects.toThrow();
    await emulator.admin.clearFaults();
    let group: { tags?: Record<string, string> } | undefined;
    for (let attempt = 0; attempt < 50 && !group; attempt++) {
      group = await resources()
        .resourceGroups.get("rg-gone-client")
        .catch(() => undefined);
      if (!group) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(group?.tags).toEqual({ made: "while-nobody-waited" });
  });

  it("a connection reset surfaces as a retried error", async () => {
    await emulator.admin.addFault({ path: "/resourcegroups/rg-legacy", reset: true });
    await expect(resources("ops", 1).resourceGroups.get("rg-legacy")).rejects.toThrow();
    const hits = (await emulator.admin.requests()).filter((e) => e.path.includes("/resourcegroups/rg-legacy"));
    expect(hits.length).toBe(2);
  });
});
