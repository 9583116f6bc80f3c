import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { BUILT_IN_ROLE_IDS, roleAssignmentName } from "@infra/arm";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { armRequests, POLLED_OPERATIONS, type SignedInEmulator, startSignedInEmulator } from "@infra/auth/testing";
import { type Environment, resourceGroupsSection, validateEnvironment } from "@infra/environments";
import { applyPlan, createPlan, type Plan, type ResourceKind } from "@infra/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desiredStorage } from "../../src/provision/desired-storage.ts";
import { environmentAccounts } from "../../src/provision/environment-accounts.ts";
import { checkAccountNames } from "../../src/provision/name-availability.ts";
import { storageProvisioning } from "../../src/provision/provisioning.ts";
import { storageKinds } from "../../src/provision/storage-kinds.ts";
import { storageTask } from "../../src/provision/task.ts";
import { storageSection } from "../../src/storage-section.ts";

const WORKLOAD = "0b500000-0000-4000-8000-000000000004";
const environment = validateEnvironment(
  {
    name: "sttest",
    location: "westeurope",
    namingPrefix: "stt",
    tags: { owner: "platform" },
    resourceGroups: [{ name: "rg-stt-app" }, { name: "rg-stt-data" }],
    storage: {
      accounts: [
        {
          name: "sttappassets",
          resourceGroup: "rg-stt-app",
          containers: [{ name: "images" }, { name: "downloads" }],
          roleAssignments: [{ principalId: WORKLOAD, role: "Storage Blob Data Contributor" }],
          network: { ipRules: ["203.0.113.0/24"] },
        },
        {
          name: "sttdatalake",
          resourceGroup: "rg-stt-data",
          sku: "Standard_GZRS",
          containers: [{ name: "raw" }],
          lifecycle: { tierToCoolAfterDays: 30, deleteAfterDays: 365 },
        },
        {
          name: "sttbackup",
          resourceGroup: "rg-stt-data",
          softDeleteDays: 30,
          containers: [{ name: "nightly" }],
          network: { publicNetworkAccess: "Disabled" },
        },
      ],
    },
  },
  "test",
  await storageTask.environmentSections(),
);
const TASKS = ["storage"];
const POLL_MS = 10;

let context: SignedInEmulator;
let kinds: ResourceKind[];
let storage: StorageManagementClient;
let sub: string;

function kindsFor(env: Environment): ResourceKind[] {
  const options = { azure: context.azure, environment: env.name, pollIntervalMs: POLL_MS };
  return storageKinds({ ...options, accounts: environmentAccounts(env, sub) });
}
const plan = (env: Environment = environment, prune = false) =>
  createPlan({
    environment: env.name,
    subscriptionId: sub,
    tasks: TASKS,
    desired: desiredStorage(env, sub),
    kinds: kindsFor(env),
    prune,
  });
const pending = (current: Plan) =>
  current.changes
    .filter((change) => change.action !== "no-op")
    .map((change) => ({ action: change.action, address: change.address, paths: change.diff.map((d) => d.path) }));
const apply = async (current: Plan) => {
  expect(current.problems).toEqual([]);
  const result = await applyPlan(current, { kinds, concurrency: 4 });
  expect(result.failed.map((failure) => `${failure.item.address}: ${String(failure.error)}`)).toEqual([]);
};

beforeAll(async () => {
  context = await startSignedInEmulator({ task: "storage", emulator: POLLED_OPERATIONS });
  sub = context.azure.subscriptionId;
  // The groups are the resource-groups task's to make; at the root the plan's dependsOn applies them first.
  const groups = new ResourceManagementClient(context.azure.credential, sub, context.azure.clientOptions);
  for (const group of resourceGroupsSection.of(environment))
    await groups.resourceGroups.createOrUpdate(group.name, { location: environment.location });
  kinds = kindsFor(environment);
  storage = new StorageManagementClient(context.azure.credential, sub, context.azure.clientOptions);
});
afterAll(async () => {
  await context?.emulator.close();
});

describe("storage provisioning against the emulator", () => {
  it("provisions 3 accounts (and the lock's account) with their settings, containers and a role assignment", async () => {
    const first = await plan();
    expect(first.problems).toEqual([]);
    const counts = Object.groupBy(first.changes, (change) => change.kind);
    expect(Object.fromEntries(Object.entries(counts).map(([kind, list]) => [kind, list?.length]))).toEqual({
      "Microsoft.Storage/storageAccounts": 4,
      "Microsoft.Storage/storageAccounts/blobServices": 4,
      "Microsoft.Storage/storageAccounts/fileServices": 4,
      "Microsoft.Storage/storageAccounts/blobServices/containers": 4,
      "Microsoft.Storage/storageAccounts/managementPolicies": 1,
      "Microsoft.Authorization/roleAssignments": 1,
    });
    expect(first.changes.every((change) => change.action === "create")).toBe(true);
    expect(await checkAccountNames(first, context.azure)).toEqual({ problems: [], notes: [] });
    await apply(first);

    const account = await storage.storageAccounts.getProperties("rg-stt-app", "sttappassets");
    expect(account.enableHttpsTrafficOnly).toBe(true);
    expect(account.allowSharedKeyAccess).toBe(false);
    expect(account.allowBlobPublicAccess).toBe(false);
    expect(account.encryption?.requireInfrastructureEncryption).toBe(true);
    expect(account.networkRuleSet?.defaultAction).toBe("Deny");
    expect(account.networkRuleSet?.ipRules?.map((rule) => rule.iPAddressOrRange)).toEqual(["203.0.113.0/24"]);
    expect(account.tags).toMatchObject({ owner: "platform", "managed-by": "azure-infra-ops", task: "storage" });
    const blob = await storage.blobServices.getServiceProperties("rg-stt-data", "sttbackup");
    expect(blob.deleteRetentionPolicy).toMatchObject({ enabled: true, days: 30 });
    expect(blob.isVersioningEnabled).toBe(true);
    const container = await storage.blobContainers.get("rg-stt-app", "sttappassets", "images");
    expect(container.publicAccess).toBe("None");
    expect(container.metadata).toEqual({ managedby: "azure-infra-ops", environment: "sttest", task: "storage" });
  });

  it("re-plans with no changes, reading once per kind (per account for what ARM cannot list)", async () => {
    await context.emulator.admin.clearRequests();
    const again = await plan();
    expect(again.problems).toEqual([]);
    expect(pending(again)).toEqual([]);
    const requests = (await armRequests(context.emulator)).map(
      (request) => `${request.method} ${request.path.split("?")[0]?.replace(`/subscriptions/${sub}`, "")}`,
    );
    expect(requests.every((request) => request.startsWith("GET "))).toBe(true);
    // 2 subscription lists (accounts, role assignments) + per account: blob service, file service, containers,
    // policy + each of the 4 containers (ARM's list leaves out the metadata that says who owns them).
    expect(requests.filter((request) => !request.includes("/storageAccounts/")).sort()).toEqual([
      "GET /providers/Microsoft.Authorization/roleAssignments",
      "GET /providers/Microsoft.Storage/storageAccounts",
    ]);
    expect(requests).toHaveLength(2 + 4 * 4 + 4); // four accounts: the three declared and the lock's
  });

  it.each([
    {
      what: "an account setting",
      change: () => storage.storageAccounts.update("rg-stt-app", "sttappassets", { allowSharedKeyAccess: true }),
      expected: { address: 'storage.account["sttappassets"]', paths: ["properties.allowSharedKeyAccess"] },
    },
    {
      what: "the firewall's IP rules",
      change: () =>
        storage.storageAccounts.update("rg-stt-app", "sttappassets", {
          networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [] },
        }),
      expected: { address: 'storage.account["sttappassets"]', paths: ["properties.networkAcls.ipRules"] },
    },
    {
      what: "blob soft delete",
      change: () =>
        storage.blobServices.setServiceProperties("rg-stt-data", "sttbackup", {
          deleteRetentionPolicy: { enabled: true, days: 7 },
        }),
      expected: { address: 'storage.blob-service["sttbackup"]', paths: ["properties.deleteRetentionPolicy.days"] },
    },
    {
      what: "a container's metadata",
      change: () =>
        storage.blobContainers.update("rg-stt-data", "sttdatalake", "raw", {
          metadata: { managedby: "azure-infra-ops", environment: "sttest", task: "storage", extra: "x" },
        }),
      expected: { address: 'storage.container["sttdatalake/raw"]', paths: ["properties.metadata"] },
    },
    {
      what: "the lifecycle policy",
      change: async () => {
        const policy = await storage.managementPolicies.get("rg-stt-data", "sttdatalake", "default");
        const rule = policy.policy!.rules[0]!;
        rule.definition.actions.baseBlob!.delete = { daysAfterModificationGreaterThan: 10 };
        await storage.managementPolicies.createOrUpdate("rg-stt-data", "sttdatalake", "default", {
          policy: policy.policy!,
        });
      },
      expected: { address: 'storage.lifecycle["sttdatalake"]', paths: ["properties.policy.rules"] },
    },
  ])("shows $what changed out of band as exactly one update, which puts it back", async ({ change, expected }) => {
    await change();
    const drifted = await plan();
    expect(pending(drifted)).toEqual([{ action: "update", ...expected }]);
    await context.emulator.admin.clearRequests();
    await apply(drifted);
    const writes = (await armRequests(context.emulator)).filter((request) => request.method !== "GET");
    expect(writes).toHaveLength(1);
    expect(pending(await plan())).toEqual([]);
  });

  it("refuses at plan time an account name taken elsewhere (the seed's legacy account)", async () => {
    const taken = validateEnvironment(
      {
        name: "sttest",
        location: "westeurope",
        namingPrefix: "leg",
        resourceGroups: [{ name: "rg-stt-app" }],
        storage: { accounts: [{ name: "legacydata001", resourceGroup: "rg-stt-app" }] },
      },
      "test",
      await storageTask.environmentSections(),
    );
    const planned = await plan(taken);
    expect(planned.changes.find((change) => change.name === "legacydata001")?.action).toBe("create");
    const { problems = [], notes } = await storageProvisioning.preflight!(planned, {
      azure: context.azure,
      environment: taken,
      signal: new AbortController().signal,
    });
    expect(notes).toEqual([]);
    expect(problems.map((problem) => problem.address)).toEqual(['storage.account["legacydata001"]']);
    expect(problems[0]?.message).toMatch(/"legacydata001" is not available .*choose another name/);
  });

  it("prunes only what it owns: an unowned container and the seed's untagged account survive", async () => {
    await storage.blobContainers.create("rg-stt-data", "sttdatalake", "someone-elses", {});
    const trimmed: Environment = {
      ...environment,
      storage: {
        accounts: storageSection
          .of(environment)
          .accounts.map((account) =>
            account.name === "sttdatalake" ? { ...account, containers: [], lifecycle: undefined } : account,
          ),
      },
    };
    const pruned = await plan(trimmed, true);
    expect(pruned.problems).toEqual([]);
    expect(
      pending(pruned)
        .map((change) => [change.action, change.address])
        .sort(),
    ).toEqual([
      ["delete", 'storage.container["sttdatalake/raw"]'],
      ["delete", 'storage.lifecycle["sttdatalake"]'],
    ]);
    expect(pruned.changes.filter((change) => change.action === "delete").map((change) => change.id)).toEqual([
      `/subscriptions/${sub}/resourceGroups/rg-stt-data/providers/Microsoft.Storage/storageAccounts/sttdatalake/blobServices/default/containers/raw`,
      `/subscriptions/${sub}/resourceGroups/rg-stt-data/providers/Microsoft.Storage/storageAccounts/sttdatalake/managementPolicies/default`,
    ]);
    await apply(pruned);
    const left = [];
    for await (const container of storage.blobContainers.list("rg-stt-data", "sttdatalake")) left.push(container.name);
    expect(left).toEqual(["someone-elses"]);
    expect((await storage.storageAccounts.getProperties("rg-legacy", "legacydata001")).name).toBe("legacydata001");
  });
});

describe("role assignments", () => {
  it("get the name derived from scope + principal + role, so a re-plan finds the same grant", async () => {
    const authorization = new AuthorizationManagementClient(context.azure.credential, sub, context.azure.clientOptions);
    const scope = `/subscriptions/${sub}/resourceGroups/rg-stt-app/providers/Microsoft.Storage/storageAccounts/sttappassets`;
    const found = [];
    for await (const assignment of authorization.roleAssignments.listForScope(scope, { filter: "atScope()" }))
      if (assignment.scope?.toLowerCase() === scope.toLowerCase()) found.push(assignment);
    expect(found.map((assignment) => [assignment.principalId, assignment.name])).toEqual([
      [WORKLOAD, roleAssignmentName(scope, WORKLOAD, BUILT_IN_ROLE_IDS["Storage Blob Data Contributor"])],
    ]);
  });
});
