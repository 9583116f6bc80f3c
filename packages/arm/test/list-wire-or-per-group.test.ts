import { ResourceManagementClient } from "@azure/arm-resources";
import { ManagementLockClient } from "@infra/auth/lock-client";
import { armRequests, type SignedInEmulator, startSignedInEmulator } from "@infra/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWireOrPerGroup, type SubscriptionOrGroupList } from "../src/list-wire-or-per-group.ts";

let context: SignedInEmulator;
let locks: SubscriptionOrGroupList;

beforeAll(async () => {
  context = await startSignedInEmulator({ task: "arm-test" });
  const { azure } = context;
  const client = new ManagementLockClient(azure.credential, azure.subscriptionId, azure.clientOptions);
  locks = {
    subscription: () => client.managementLocks.listAtSubscriptionLevel(),
    group: (name) => client.managementLocks.listAtResourceGroupLevel(name),
  };
  const groups = new ResourceManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
  await groups.resourceGroups.createOrUpdate("rg-listed", { location: "westeurope" });
  await client.managementLocks.createOrUpdateAtResourceGroupLevel("rg-listed", "keep", { level: "CanNotDelete" });
});
afterAll(async () => {
  await context?.emulator.close();
});

describe("listWireOrPerGroup", () => {
  it("lists the subscription with one request when ARM allows it", async () => {
    await context.emulator.admin.clearRequests();
    const bodies = await listWireOrPerGroup(locks, ["rg-listed", "rg-not-yet"]);
    expect(bodies.map((body) => body.name)).toEqual(["keep"]);
    expect((await armRequests(context.emulator)).length).toBe(1);
  });

  // The emulator's fault rule plays ARM refusing the subscription-wide list to a caller with group roles only.
  it("on 403 AuthorizationFailed reads each group once, a missing group (404) as empty, each item once", async () => {
    await context.emulator.admin.addFault({
      method: "GET",
      path: "/providers/Microsoft\\.Authorization/locks\\?",
      status: 403,
      code: "AuthorizationFailed",
      count: 2,
    });
    await expect(listWireOrPerGroup(locks, undefined)).rejects.toMatchObject({ statusCode: 403 });
    await context.emulator.admin.clearRequests();
    const bodies = await listWireOrPerGroup(locks, ["rg-listed", "RG-LISTED", "rg-not-yet"]);
    expect(bodies.map((body) => body.name)).toEqual(["keep"]);
    const statuses = (await context.emulator.admin.requests())
      .filter((entry) => entry.path.startsWith("/subscriptions/"))
      .map((entry) => entry.status);
    expect(statuses.sort()).toEqual([200, 200, 403, 404]);
  });
});
