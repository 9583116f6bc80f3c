import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../src/seed/seed-ids.ts";
import { type EmulatorSession, openSession } from "./support/emulator-session.ts";

/** Microsoft.ManagedIdentity through the real @azure/arm-msi 2.2 (core-client style: endpoint AND credentialScopes). */
let session: EmulatorSession;
let msi: ManagedServiceIdentityClient;
const RG = "rg-msi-sdk";
const ISSUER = "https://token.actions.githubusercontent.com";

beforeAll(async () => {
  session = await openSession();
  msi = new ManagedServiceIdentityClient(session.credential, SEED.subscription1, {
    ...session.clientOptions,
    credentialScopes: ["https://management.azure.com/.default"],
  });
  const res = await session.request(
    "PUT",
    `/subscriptions/${SEED.subscription1}/resourcegroups/${RG}?api-version=2025-04-01`,
    { location: "westeurope" },
  );
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => {
  await session?.close();
});

describe("user-assigned identities", () => {
  it("creates an identity with principalId, clientId and tenantId, keeps them on a second PUT", async () => {
    const created = await msi.userAssignedIdentities.createOrUpdate(RG, "deployer", {
      location: "westeurope",
      tags: { a: "1" },
    });
    expect(created.principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.tenantId).toBe(SEED.tenantId);
    expect(created.id).toBe(
      `/subscriptions/${SEED.subscription1}/resourcegroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/deployer`,
    );
    const again = await msi.userAssignedIdentities.createOrUpdate(RG, "deployer", {
      location: "westeurope",
      tags: { b: "2" },
    });
    expect(again.principalId).toBe(created.principalId);
    expect(again.tags).toEqual({ b: "2" });
    const statuses = (await session.requests())
      .filter((e) => e.method === "PUT" && e.path.split("?")[0]?.endsWith("/deployer"))
      .map((e) => e.status);
    expect(statuses).toEqual([201, 200]);
  });

  it("gets, updates tags, lists per group and subscription", async () => {
    const got = await msi.userAssignedIdentities.get(RG, "deployer");
    expect(got.name).toBe("deployer");
    const patched = await msi.userAssignedIdentities.update(RG, "deployer", { tags: { c: "3" } });
    expect(patched.tags).toEqual({ c: "3" });
    const inGroup: string[] = [];
    for await (const identity of msi.userAssignedIdentities.listByResourceGroup(RG)) inGroup.push(identity.name ?? "");
    expect(inGroup).toEqual(["deployer"]);
    const inSub: string[] = [];
    for await (const identity of msi.userAssignedIdentities.listBySubscription()) inSub.push(identity.name ?? "");
    expect(inSub).toContain("deployer");
  });

  it("adds federated credentials (issuer, subject, audiences) up to Entra's limit of 20", async () => {
    const created = await msi.federatedIdentityCredentials.createOrUpdate(RG, "deployer", "prod", {
      issuer: ISSUER,
      subject: "repo:acme/infra:environment:prod",
      audiences: ["api://AzureADTokenExchange"],
    });
    expect(created).toMatchObject({ name: "prod", issuer: ISSUER, subject: "repo:acme/infra:environment:prod" });
    for (let i = 1; i < 20; i++) {
      await msi.federatedIdentityCredentials.createOrUpdate(RG, "deployer", `fic${i}`, {
        issuer: ISSUER,
        subject: `repo:acme/infra:ref:refs/heads/b${i}`,
        audiences: ["api://AzureADTokenExchange"],
      });
    }
    await expect(
      msi.federatedIdentityCredentials.createOrUpdate(RG, "deployer", "one-too-many", {
        issuer: ISSUER,
        subject: "repo:acme/infra:pull_request",
        audiences: ["api://AzureADTokenExchange"],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    // Replacing an existing one is still allowed at the limit.
    await msi.federatedIdentityCredentials.createOrUpdate(RG, "deployer", "fic1", {
      issuer: ISSUER,
      subject: "repo:acme/infra:ref:refs/heads/main",
      audiences: ["api://AzureADTokenExchange"],
    });
    const all: string[] = [];
    for await (const c of msi.federatedIdentityCredentials.list(RG, "deployer")) all.push(c.name ?? "");
    expect(all).toHaveLength(20);
    expect((await msi.federatedIdentityCredentials.get(RG, "deployer", "fic1")).subject).toBe(
      "repo:acme/infra:ref:refs/heads/main",
    );
    await msi.federatedIdentityCredentials.delete(RG, "deployer", "fic19");
    await expect(msi.federatedIdentityCredentials.get(RG, "deployer", "fic19")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("registers the identity as a principal the token endpoint knows, and forgets it on delete", async () => {
    const identity = await msi.userAssignedIdentities.createOrUpdate(RG, "runner", { location: "westeurope" });
    // A user-assigned identity has no secret: the token endpoint must know its client id (AADSTS7000215, not 700016).
    const probe = new ClientSecretCredential(SEED.tenantId, identity.clientId ?? "", "not-a-secret", {
      authorityHost: session.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: session.caPem },
    });
    await expect(probe.getToken("https://management.azure.com/.default")).rejects.toThrow(/AADSTS7000215/);
    await msi.userAssignedIdentities.delete(RG, "runner");
    await expect(probe.getToken("https://management.azure.com/.default")).rejects.toThrow(/AADSTS700016/);
    await expect(msi.userAssignedIdentities.get(RG, "runner")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });
});
