import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { connectionsElsewhere, envFor } from "./support/emulator-session.ts";

// msal-node reads the managed-identity variables from process.env and picks its source once per process: this file
// runs in its own fork (pool "forks") and sets them there, as App Service would.
const managedIdentityVariables = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"] as const;
let emulator: Emulator;
let saved: Record<string, string | undefined>;

beforeAll(async () => {
  emulator = await startEmulator();
  saved = Object.fromEntries(managedIdentityVariables.map((name) => [name, process.env[name]]));
  const env = emulator.env("workload");
  for (const name of managedIdentityVariables) process.env[name] = env[name];
});

afterAll(async () => {
  for (const name of managedIdentityVariables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  expect(connectionsElsewhere(emulator)).toEqual([]);
  await emulator.close();
});

describe("managed identity via the App Service endpoint", () => {
  it("signs in as the managed identity through IDENTITY_ENDPOINT, never the instance metadata address", async () => {
    const env = envFor(emulator, "workload", { AZURE_TOKEN_CREDENTIALS: undefined, AZURE_CLIENT_ID: undefined });
    const context = await connectAzure({ task: "test", env, onAzureVirtualMachine: false });
    expect(context.basis).toBe("default chain");
    expect(context.identity).toMatchObject({
      credential: "ManagedIdentityCredential",
      principalType: "ManagedIdentity",
      objectId: SEED.workload.objectId,
      appId: SEED.workload.clientId,
    });
    const log = await emulator.admin.requests();
    const tokenCalls = log.filter((e) => e.path.startsWith("/msi/token"));
    expect(tokenCalls.length).toBeGreaterThan(0);
    expect(tokenCalls.every((e) => e.path.includes("resource=https%3A%2F%2Fmanagement.azure.com"))).toBe(true);
    expect(log.some((e) => e.path.startsWith("/metadata/identity"))).toBe(false);
  });
});
