import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ClientAssertionCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { decodeJwt } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, GITHUB_AUDIENCE, SEED, startEmulator } from "../src/index.ts";

const ARM_SCOPE = "https://management.azure.com/.default";
let emulator: Emulator;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

async function githubToken(audience = GITHUB_AUDIENCE): Promise<string> {
  const env = emulator.env("github");
  const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { count: number; value: string };
  return body.value;
}

describe("Entra ID token endpoint with the real @azure/identity", () => {
  it("ClientSecretCredential gets an RS256 ARM token with the documented claims", async () => {
    const cred = new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
    });
    const token = await cred.getToken(ARM_SCOPE);
    const claims = decodeJwt(token.token);
    expect(claims).toMatchObject({
      tid: SEED.tenantId,
      oid: SEED.ops.objectId,
      appid: SEED.ops.clientId,
      idtyp: "app",
    });
    expect(claims.aud).toBe("https://management.azure.com");
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000_000);
  });

  it("a wrong secret is AADSTS7000215, an unknown app 700016, an unknown tenant 90002", async () => {
    const opts = { authorityHost: emulator.url, disableInstanceDiscovery: true };
    await expect(
      new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, "nope", opts).getToken(ARM_SCOPE),
    ).rejects.toThrow(/AADSTS7000215/);
    await expect(
      new ClientSecretCredential(SEED.tenantId, "00000000-0000-4000-8000-0000000000ff", "x", opts).getToken(ARM_SCOPE),
    ).rejects.toThrow(/AADSTS700016/);
    const res = await fetch(`${emulator.url}/99999999-0000-4000-8000-000000000000/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: SEED.ops.clientId,
        client_secret: "x",
        scope: ARM_SCOPE,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request", error_codes: [90002] });
  });

  it("ClientAssertionCredential fed by the GitHub issuer exchanges for an Entra token", async () => {
    const cred = new ClientAssertionCredential(SEED.tenantId, SEED.github.clientId, () => githubToken(), {
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
    });
    const claims = decodeJwt((await cred.getToken(ARM_SCOPE)).token);
    expect(claims.oid).toBe(SEED.github.objectId);
  });

  it("a GitHub token for another subject is AADSTS70021 naming the subject and issuer", async () => {
    await emulator.admin.config({ github: { environment: "staging" } });
    try {
      const cred = new ClientAssertionCredential(SEED.tenantId, SEED.github.clientId, () => githubToken(), {
        authorityHost: emulator.url,
        disableInstanceDiscovery: true,
      });
      await expect(cred.getToken(ARM_SCOPE)).rejects.toThrow(
        /AADSTS70021.*token\.actions\.githubusercontent\.com.*repo:acme\/infra:environment:staging/s,
      );
    } finally {
      await emulator.admin.config({ github: { environment: "prod" } });
    }
  });

  it("GitHub sub uses the owner@id/repo@id form when ids are configured, and the request token is checked", async () => {
    await emulator.admin.config({ github: { repositoryId: "42", repositoryOwnerId: "7" } });
    try {
      const claims = decodeJwt(await githubToken());
      expect(claims.sub).toBe("repo:acme@7/infra@42:environment:prod");
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
    } finally {
      await emulator.admin.config({ github: { repositoryId: "", repositoryOwnerId: "" } });
    }
    const env = emulator.env("github");
    const denied = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`, {
      headers: { authorization: "Bearer wrong" },
    });
    expect(denied.status).toBe(401);
  });

  it("WorkloadIdentityCredential reads the assertion from a token file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "wi-")), "token");
    writeFileSync(file, await githubToken());
    const cred = new WorkloadIdentityCredential({
      tenantId: SEED.tenantId,
      clientId: SEED.github.clientId,
      tokenFilePath: file,
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
    });
    expect(decodeJwt((await cred.getToken(ARM_SCOPE)).token).oid).toBe(SEED.github.objectId);
  });

  it("DefaultAzureCredential from the environment, limited by AZURE_TOKEN_CREDENTIALS", async () => {
    Object.assign(process.env, emulator.env("ops"));
    expect(process.env.AZURE_TOKEN_CREDENTIALS).toBe("EnvironmentCredential");
    const cred = new DefaultAzureCredential({
      requiredEnvVars: ["AZURE_TOKEN_CREDENTIALS"],
      disableInstanceDiscovery: true,
    } as never);
    expect(decodeJwt((await cred.getToken(ARM_SCOPE)).token).oid).toBe(SEED.ops.objectId);
  });
});

describe("managed identity endpoints", () => {
  it("ManagedIdentityCredential, App Service style (IDENTITY_ENDPOINT + IDENTITY_HEADER)", async () => {
    const env = emulator.env("workload");
    process.env.IDENTITY_ENDPOINT = env.IDENTITY_ENDPOINT;
    process.env.IDENTITY_HEADER = env.IDENTITY_HEADER;
    const cred = new ManagedIdentityCredential();
    const claims = decodeJwt((await cred.getToken(ARM_SCOPE)).token);
    expect(claims).toMatchObject({ oid: SEED.workload.objectId, tid: SEED.tenantId });
  });

  it("IMDS path under a custom host and Cloud Shell style answer with tokens", async () => {
    const imds = await fetch(
      `${emulator.httpUrl}/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=https://management.azure.com`,
      {
        headers: { Metadata: "true" },
      },
    );
    expect(imds.status).toBe(200);
    expect(decodeJwt(((await imds.json()) as { access_token: string }).access_token).oid).toBe(SEED.workload.objectId);
    const shell = await fetch(`${emulator.httpUrl}/msi/cloudshell`, {
      method: "POST",
      headers: { Metadata: "true" },
      body: new URLSearchParams({ resource: "https://management.core.windows.net/" }),
    });
    const body = (await shell.json()) as { access_token: string; expires_on: string };
    expect(decodeJwt(body.access_token).tid).toBe(SEED.tenantId);
    expect(Number(body.expires_on)).toBeGreaterThan(Date.now() / 1000);
  });
});
