import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResourceManagementClient } from "@azure/arm-resources";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { AuthenticationFailedError, GitHubOidcPermissionError, NoCredentialError } from "../src/errors.ts";
import { requestGitHubIdToken } from "../src/github-id-token.ts";
import { forgetCredentials } from "../src/process-credential.ts";
import { connectionsElsewhere, envFor } from "./support/emulator-session.ts";

let emulator: Emulator;
let workDir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  workDir = mkdtempSync(join(tmpdir(), "auth-test-"));
});

afterAll(async () => {
  expect(connectionsElsewhere(emulator)).toEqual([]);
  await emulator.close();
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await emulator.admin.reset();
  forgetCredentials();
});

/** One real ARM call through the context, as a task would make it. */
async function listResourceGroupNames(context: Awaited<ReturnType<typeof connectAzure>>): Promise<string[]> {
  const client = new ResourceManagementClient(context.credential, context.subscriptionId, context.clientOptions);
  const names: string[] = [];
  for await (const group of client.resourceGroups.list()) names.push(group.name ?? "");
  return names;
}

describe("connectAzure against the emulator", () => {
  it("client secret from the environment: identity, tenant, subscription and a working ARM client", async () => {
    const context = await connectAzure({ task: "test", env: envFor(emulator, "ops") });
    expect(context.identity).toMatchObject({
      credential: "EnvironmentCredential",
      principalType: "ServicePrincipal",
      objectId: SEED.ops.objectId,
      appId: SEED.ops.clientId,
      tenantId: SEED.tenantId,
    });
    expect(context.basis).toBe("AZURE_TOKEN_CREDENTIALS=EnvironmentCredential");
    expect(context.cloud).toMatchObject({ name: "Custom", custom: true, resourceManagerEndpoint: emulator.url });
    expect(context.subscriptionId).toBe(SEED.subscription1);
    expect(context.subscriptionSource).toBe("AZURE_SUBSCRIPTION_ID");
    expect(await listResourceGroupNames(context)).toContain(SEED.legacyResourceGroup);
    const log = await emulator.admin.requests();
    expect(log.some((e) => e.method === "POST" && e.path.includes(`/${SEED.tenantId}/oauth2/v2.0/token`))).toBe(true);
    expect(
      log.some((e) => e.path.startsWith(`/subscriptions/${SEED.subscription1}/resourcegroups`) && e.status === 200),
    ).toBe(true);
  });

  it("--auth handed down in INFRA_AUTH chooses the credential, over AZURE_TOKEN_CREDENTIALS", async () => {
    const context = await connectAzure({ task: "test", env: envFor(emulator, "ops", { INFRA_AUTH: "env" }) });
    expect(context.basis).toBe("--auth env");
    expect(context.identity).toMatchObject({ credential: "EnvironmentCredential", objectId: SEED.ops.objectId });
    const refused = await connectAzure({ task: "test", env: envFor(emulator, "ops", { INFRA_AUTH: "github" }) }).catch(
      (e: unknown) => e,
    );
    expect((refused as Error).message).toBe("--auth github chose GitHub Actions OIDC, which cannot be used here");
  });

  it("reuses one credential (one token cache) for the same configuration", async () => {
    const env = envFor(emulator, "auditor");
    const first = await connectAzure({ task: "a", env });
    const second = await connectAzure({ task: "b", env });
    expect(second.credential).toBe(first.credential);
    expect(second.clientOptions.userAgentOptions.userAgentPrefix).toBe("azure-infra-ops/b");
  });

  it("GitHub Actions OIDC through the emulator's issuer reports the ID token's issuer and subject", async () => {
    const context = await connectAzure({ task: "test", env: envFor(emulator, "github", { GITHUB_ACTIONS: "true" }) });
    expect(context.basis).toBe("GitHub Actions");
    expect(context.identity).toMatchObject({
      credential: "GitHubActionsCredential",
      objectId: SEED.github.objectId,
      gitHub: { issuer: "https://token.actions.githubusercontent.com", subject: SEED.github.subject },
    });
    expect(await listResourceGroupNames(context)).toContain(SEED.legacyResourceGroup);
    const log = await emulator.admin.requests();
    expect(log.filter((e) => e.path.startsWith("/github/token")).every((e) => e.path.includes("audience=api"))).toBe(
      true,
    );
  });

  it("a wrong federated subject fails with the presented subject and issuer (exit 1)", async () => {
    // An empty environment makes the emulated run a plain branch push: sub `repo:acme/infra:ref:refs/heads/feature`.
    await emulator.admin.config({ github: { environment: "", ref: "refs/heads/feature" } });
    const error = await connectAzure({ task: "test", env: envFor(emulator, "github") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationFailedError);
    const message = (error as Error).message;
    expect(message).toContain("AADSTS70021");
    expect(message).toContain("subject 'repo:acme/infra:ref:refs/heads/feature'");
    expect(message).toContain("issuer 'https://token.actions.githubusercontent.com'");
    expect((error as AuthenticationFailedError).exitCode).toBe(1);
  });

  it("GitHub Actions without id-token permission: the permissions hint (exit 2)", async () => {
    const env = envFor(emulator, "github", {
      GITHUB_ACTIONS: "true",
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
    });
    const error = await connectAzure({ task: "test", env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubOidcPermissionError);
    expect((error as GitHubOidcPermissionError).exitCode).toBe(2);
    expect((error as GitHubOidcPermissionError).problems[0]?.message).toContain("`permissions: id-token: write`");
  });

  it("workload identity token file", async () => {
    const env = envFor(emulator, "github");
    const tokenFile = join(workDir, "federated-token");
    const idToken = await requestGitHubIdToken({
      requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "",
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "",
      audience: "api://AzureADTokenExchange",
    });
    writeFileSync(tokenFile, idToken);
    const context = await connectAzure({
      task: "test",
      env: envFor(emulator, "github", {
        ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
        AZURE_TOKEN_CREDENTIALS: "WorkloadIdentityCredential",
        AZURE_FEDERATED_TOKEN_FILE: tokenFile,
      }),
    });
    expect(context.identity).toMatchObject({
      credential: "WorkloadIdentityCredential",
      objectId: SEED.github.objectId,
    });
  });

  it.each([
    ["a wrong client secret", { AZURE_CLIENT_SECRET: "not-the-secret" }, /AADSTS7000215 invalid client secret/],
    ["an unknown app", { AZURE_CLIENT_ID: "0a500000-0000-4000-8000-00000000ffff" }, /AADSTS700016 application/],
  ])("%s fails with advice, not the raw AADSTS text (exit 1)", async (_, changes, advice) => {
    const error = await connectAzure({ task: "test", env: envFor(emulator, "ops", changes) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationFailedError);
    expect((error as Error).message).toMatch(advice);
    expect((error as Error).message).toMatch(/^Environment: /);
  });

  it("an unknown tenant: MSAL cannot resolve the authority; the advice names the tenant id (exit 2)", async () => {
    const tenant = "0e000000-0000-4000-8000-00000000ffff";
    const error = await connectAzure({ task: "test", env: envFor(emulator, "ops", { AZURE_TENANT_ID: tenant }) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoCredentialError);
    expect((error as NoCredentialError).problems[0]?.message).toMatch(
      new RegExp(`tenant '${tenant}'.*wrong \\(AADSTS90002\\).*AZURE_TENANT_ID`),
    );
  });

  it("nothing configured: one line per credential tried, exit 2, and no request to the instance metadata address", async () => {
    const env = { ...envFor(emulator, "ops", { AZURE_CLIENT_SECRET: undefined, AZURE_TOKEN_CREDENTIALS: "prod" }) };
    const error = await connectAzure({ task: "test", env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialError);
    expect((error as NoCredentialError).exitCode).toBe(2);
    expect((error as NoCredentialError).problems.map((p) => p.path)).toEqual([
      "Environment",
      "Workload identity",
      "Managed identity",
    ]);
    expect((error as NoCredentialError).problems[2]?.message).toMatch(/custom cloud.*never probed/);
  });

  it("without AZURE_SUBSCRIPTION_ID and two visible subscriptions, lists them (exit 2)", async () => {
    const error = await connectAzure({
      task: "test",
      env: envFor(emulator, "ops", { AZURE_SUBSCRIPTION_ID: undefined }),
    }).catch((e: unknown) => e);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/2 enabled subscriptions are visible/);
    expect(JSON.stringify((error as { problems?: unknown }).problems)).toContain(SEED.subscription2);
  });

  it("an environment's subscription wins over AZURE_SUBSCRIPTION_ID", async () => {
    const context = await connectAzure({
      task: "test",
      env: envFor(emulator, "ops"),
      subscriptionId: SEED.subscription2,
    });
    expect(context).toMatchObject({ subscriptionId: SEED.subscription2, subscriptionSource: "environment" });
  });
});
