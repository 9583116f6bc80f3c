import { setTimeout as sleep } from "node:timers/promises";
import { ResourceManagementClient } from "@azure/arm-resources";
import { ClientAssertionCredential } from "@azure/identity";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { adviceForCredentialFailure } from "../src/credential-failure-advice.ts";
import { requestGitHubIdToken } from "../src/github-id-token.ts";
import { connectionsElsewhere, envFor } from "./support/emulator-session.ts";

// The loop's length: 30 s by default (three GitHub token lifetimes over several access-token lifetimes).
// INFRA_AUTH_LONG_JOB_SECONDS shortens it for a quick local run or lengthens it for a soak.
const seconds = Number(process.env.INFRA_AUTH_LONG_JOB_SECONDS ?? "30");
const githubLifetimeSeconds = 5;
const accessTokenLifetimeSeconds = 10;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    config: { tokens: { lifetimeSeconds: accessTokenLifetimeSeconds, githubLifetimeSeconds } },
  });
});

afterAll(async () => {
  expect(connectionsElsewhere(emulator)).toEqual([]);
  await emulator.close();
});

describe("a long job through GitHub Actions OIDC", () => {
  it(
    `keeps working for ${seconds} s with ${githubLifetimeSeconds} s GitHub tokens and ${accessTokenLifetimeSeconds} s access tokens`,
    async () => {
      const context = await connectAzure({ task: "long-job", env: envFor(emulator, "github") });
      const client = new ResourceManagementClient(context.credential, context.subscriptionId, context.clientOptions);
      const started = Date.now();
      let calls = 0;
      while (Date.now() - started < seconds * 1000) {
        for await (const _ of client.resourceGroups.list()) {
          // Reading the page is the call; the content is not the point here.
        }
        calls += 1;
        await sleep(500);
      }
      expect(calls).toBeGreaterThan(seconds);

      const log = await emulator.admin.requests();
      const armCalls = log.filter((e) => e.path.toLowerCase().includes("/resourcegroups"));
      expect(armCalls.map((e) => e.status).filter((status) => status !== 200)).toEqual([]);
      const idTokenRequests = log.filter((e) => e.path.startsWith("/github/token"));
      // Fresh ID tokens all along, not one at the start: a token fetched in the last stretch, long after the first expired.
      const spanMs = Date.parse(idTokenRequests.at(-1)?.time ?? "") - Date.parse(idTokenRequests[0]?.time ?? "");
      expect(idTokenRequests.length).toBeGreaterThanOrEqual(Math.floor(seconds / accessTokenLifetimeSeconds));
      expect(spanMs).toBeGreaterThan((seconds - accessTokenLifetimeSeconds - githubLifetimeSeconds) * 1000);
      expect(log.filter((e) => e.path.includes("/oauth2/v2.0/token")).every((e) => e.status === 200)).toBe(true);
    },
    (seconds + 60) * 1000,
  );

  it("the control: one ID token reused past its lifetime (azure/login's way) fails with AADSTS700024", async () => {
    const env = envFor(emulator, "github");
    const idToken = await requestGitHubIdToken({
      requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "",
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "",
      audience: "api://AzureADTokenExchange",
    });
    await sleep((githubLifetimeSeconds + 1) * 1000);
    const oneShot = new ClientAssertionCredential(SEED.tenantId, SEED.github.clientId, async () => idToken, {
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
    });
    const error = await oneShot.getToken("https://management.azure.com/.default").catch((e: unknown) => e);
    expect((error as Error).message).toContain("AADSTS700024");
    expect(adviceForCredentialFailure("GitHubActionsCredential", error)).toMatch(
      /^AADSTS700024 the GitHub ID token had expired/,
    );
  }, 30_000);
});
