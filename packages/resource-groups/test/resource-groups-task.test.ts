import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { ManagementLockClient } from "@infra/auth/lock-client";
import { armRequests, POLLED_OPERATIONS, type SignedInEmulator, startSignedInEmulator } from "@infra/auth/testing";
import { resourceGroupsSection, validateEnvironment } from "@infra/environments";
import { applyPlan, createPlan, type Plan, type ResourceKind, withContentProblems } from "@infra/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desiredResourceGroups } from "../src/desired-resource-groups.ts";
import { groupLockKind } from "../src/group-lock-kind.ts";
import { resourceGroupKind } from "../src/resource-group-kind.ts";
import { UnownedContentsError } from "../src/unowned-contents-error.ts";

const environment = validateEnvironment(
  {
    name: "rgtest",
    location: "westeurope",
    namingPrefix: "rgt",
    tags: { owner: "platform" },
    resourceGroups: [
      { name: "rg-rgt-app", lock: "CanNotDelete" },
      { name: "rg-rgt-data", tags: { tier: "data" } },
    ],
  },
  "test",
  [resourceGroupsSection],
);

/** The pollers' interval: short, since the emulator's operations finish at their second poll. */
const POLL_MS = 10;
let context: SignedInEmulator;
let kinds: ResourceKind[];
let groups: ResourceManagementClient;
let locks: ManagementLockClient;

const plan = (desired = desiredResourceGroups(environment, context.azure.subscriptionId), prune = false) =>
  createPlan({
    environment: environment.name,
    subscriptionId: context.azure.subscriptionId,
    tasks: ["resource-groups"],
    desired,
    kinds,
    prune,
  });
const pending = (current: Plan) => current.changes.filter((change) => change.action !== "no-op");
const apply = async (current: Plan) => {
  const result = await applyPlan(current, { kinds });
  expect(result.failed.map((failure) => String(failure.error))).toEqual([]);
};

beforeAll(async () => {
  context = await startSignedInEmulator({ task: "resource-groups", emulator: POLLED_OPERATIONS });
  const { azure } = context;
  kinds = [
    resourceGroupKind({ azure, environment: environment.name, pollIntervalMs: POLL_MS }),
    groupLockKind({ azure, environment: environment.name }),
  ];
  groups = new ResourceManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
  locks = new ManagementLockClient(azure.credential, azure.subscriptionId, azure.clientOptions);
});
afterAll(async () => {
  await context?.emulator.close();
});

describe("resource groups and their locks", () => {
  it("creates the groups and the lock, then a re-plan reads once per kind and finds nothing to do", async () => {
    const first = await plan();
    expect(first.problems).toEqual([]);
    expect(first.changes.map((change) => [change.action, change.address])).toEqual([
      ["create", 'resource-groups.group["rg-rgt-app"]'],
      ["create", 'resource-groups.lock["rg-rgt-app"]'],
      ["create", 'resource-groups.group["rg-rgt-data"]'],
    ]);
    await apply(first);

    const data = await groups.resourceGroups.get("rg-rgt-data");
    expect(data.tags).toEqual({
      owner: "platform",
      tier: "data",
      "managed-by": "azure-infra-ops",
      environment: "rgtest",
      task: "resource-groups",
    });
    const lock = await locks.managementLocks.getAtResourceGroupLevel("rg-rgt-app", "azure-infra-ops-lock");
    expect(lock.level).toBe("CanNotDelete");
    expect(lock.notes).toBe("managed-by=azure-infra-ops;environment=rgtest;task=resource-groups");

    await context.emulator.admin.clearRequests();
    const again = await plan();
    expect(pending(again)).toEqual([]);
    const requests = await armRequests(context.emulator);
    expect(requests.map((request) => `${request.method} ${request.path.split("?")[0]}`).sort()).toEqual([
      `GET /subscriptions/${context.azure.subscriptionId}/providers/Microsoft.Authorization/locks`,
      `GET /subscriptions/${context.azure.subscriptionId}/resourcegroups`,
    ]);
  });

  it("shows a tag changed out of band as exactly that one update, and the update puts it back", async () => {
    const live = await groups.resourceGroups.get("rg-rgt-data");
    await groups.resourceGroups.update("rg-rgt-data", { tags: { ...live.tags, tier: "hot" } });
    const drifted = await plan();
    expect(pending(drifted).map((change) => [change.action, change.address, change.diff])).toEqual([
      [
        "update",
        'resource-groups.group["rg-rgt-data"]',
        [{ path: "tags", before: { ...live.tags, tier: "hot" }, after: live.tags }],
      ],
    ]);
    await apply(drifted);
    expect((await groups.resourceGroups.get("rg-rgt-data")).tags?.tier).toBe("data");
    expect(pending(await plan())).toEqual([]);
  });

  it("shows a lock level changed out of band as one update of properties.level", async () => {
    const before = await locks.managementLocks.getAtResourceGroupLevel("rg-rgt-app", "azure-infra-ops-lock");
    await locks.managementLocks.createOrUpdateAtResourceGroupLevel("rg-rgt-app", "azure-infra-ops-lock", {
      level: "ReadOnly",
      notes: before.notes,
    });
    const drifted = await plan();
    expect(pending(drifted).map((change) => [change.address, change.diff.map((entry) => entry.path)])).toEqual([
      ['resource-groups.lock["rg-rgt-app"]', ["properties.level"]],
    ]);
    await apply(drifted);
    expect(pending(await plan())).toEqual([]);
  });

  it("leaves a group of another owner alone and reports it as a conflict rather than adopting it", async () => {
    await groups.resourceGroups.createOrUpdate("rg-rgt-theirs", { location: "westeurope", tags: { owner: "them" } });
    const desired = desiredResourceGroups(
      { ...environment, resourceGroups: [...resourceGroupsSection.of(environment), { name: "rg-rgt-theirs" }] },
      context.azure.subscriptionId,
    );
    const conflicting = await plan(desired, true);
    expect(conflicting.problems.map((problem) => [problem.code, problem.address])).toEqual([
      ["unmanaged-conflict", 'resource-groups.group["rg-rgt-theirs"]'],
    ]);
    // Pruning a configuration without it never touches it either: it is not ours.
    const pruned = await plan([], true);
    expect(pruned.changes.map((change) => change.name)).not.toContain("rg-rgt-theirs");
  });

  it("refuses to delete an owned group that still holds an account without this environment's tags", async () => {
    const { azure } = context;
    const storage = new StorageManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
    await storage.storageAccounts
      .create(
        "rg-rgt-data",
        "rgtstranger01",
        { location: "westeurope", kind: "StorageV2", sku: { name: "Standard_LRS" } },
        { updateIntervalInMs: POLL_MS },
      )
      .pollUntilDone();

    const destroy = await plan([], true);
    expect(destroy.changes.map((change) => [change.action, change.address, change.id]).sort()).toEqual(
      [
        ["delete", 'resource-groups.group["rg-rgt-app"]', expect.stringMatching(/\/resourceGroups\/rg-rgt-app$/)],
        [
          "delete",
          'resource-groups.lock["rg-rgt-app"]',
          expect.stringMatching(/\/resourceGroups\/rg-rgt-app\/providers\/Microsoft.Authorization\/locks\//),
        ],
        ["delete", 'resource-groups.group["rg-rgt-data"]', expect.stringMatching(/\/resourceGroups\/rg-rgt-data$/)],
      ].sort(),
    );
    // The plan knows what the group's delete would take: the stranger blocks it, before anything is deleted.
    const checked = withContentProblems(destroy);
    expect(checked.problems.map((problem) => [problem.code, problem.address])).toEqual([
      ["unowned-contents", 'resource-groups.group["rg-rgt-data"]'],
    ]);
    expect(checked.problems[0]?.message).toContain("rgtstranger01");
    await expect(applyPlan(checked, { kinds })).rejects.toThrow(/cannot be applied/);
    expect((await groups.resourceGroups.checkExistence("rg-rgt-data")).body).toBe(true);
    expect((await groups.resourceGroups.checkExistence("rg-rgt-app")).body).toBe(true);

    // Should the plan be applied all the same (or the stranger arrive after it was made), the group's own delete
    // still lists its contents first and refuses: the stranger stays.
    const result = await applyPlan(destroy, { kinds });
    expect(result.failed).toHaveLength(1);
    const failure = result.failed[0]?.error;
    expect(failure).toBeInstanceOf(UnownedContentsError);
    expect(String((failure as Error).message)).toContain("rgtstranger01");
    expect((await groups.resourceGroups.checkExistence("rg-rgt-data")).body).toBe(true);
    expect((await storage.storageAccounts.getProperties("rg-rgt-data", "rgtstranger01")).name).toBe("rgtstranger01");
  });
});
