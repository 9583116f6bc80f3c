// A request Azure never answers ends as a timeout the pipeline retries, then fails saying so: never a hang, never a
// run that reads as interrupted.
import { ResourceManagementClient } from "@azure/arm-resources";
import { type Emulator, startEmulator } from "@infra/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { requestTimeoutPolicy } from "../src/request-timeout-policy.ts";
import { envFor } from "./support/emulator-session.ts";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});
afterAll(async () => {
  await emulator.close();
});

async function clientWithTimeout(timeoutMs: number) {
  const context = await connectAzure({ task: "timeout", env: envFor(emulator, "ops") });
  const options = context.clientOptions;
  return new ResourceManagementClient(context.credential, context.subscriptionId, {
    ...options,
    retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 10 },
    // This test's bound in place of the default one.
    additionalPolicies: options.additionalPolicies.map((entry) =>
      entry.policy.name === requestTimeoutPolicy().name ? { ...entry, policy: requestTimeoutPolicy(timeoutMs) } : entry,
    ),
  });
}

describe("a request that is never answered", () => {
  it("is retried after its timeout, then fails as ETIMEDOUT naming the host", async () => {
    const client = await clientWithTimeout(500);
    await emulator.admin.addFault({ method: "GET", path: "/resourcegroups/rg-legacy\\?", delayMs: 60_000 });
    await emulator.admin.clearRequests();
    const failure = await client.resourceGroups.get("rg-legacy").catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "RestError", code: "ETIMEDOUT" });
    expect((failure as Error).message).toMatch(/^no answer from 127\.0\.0\.1:\d+ within 0\.5 s$/);
    // The first attempt and both retries reached ARM.
    const attempts = (await emulator.admin.requests()).filter((entry) =>
      /\/resourcegroups\/rg-legacy\?/i.test(entry.path),
    );
    expect(attempts.length).toBe(3);
  });

  it("succeeds when a retry is answered", async () => {
    const client = await clientWithTimeout(500);
    await emulator.admin.addFault({ method: "GET", path: "/resourcegroups/rg-legacy\\?", delayMs: 60_000, count: 1 });
    const group = await client.resourceGroups.get("rg-legacy");
    expect(group.name).toBe("rg-legacy");
  });

  it("the caller's own abort still ends it as an abort, not a timeout", async () => {
    const client = await clientWithTimeout(10_000);
    await emulator.admin.addFault({ method: "GET", path: "/resourcegroups/rg-legacy\\?", delayMs: 60_000, count: 1 });
    const failure = await client.resourceGroups
      .get("rg-legacy", { abortSignal: AbortSignal.timeout(300) })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "AbortError" });
  });
});
