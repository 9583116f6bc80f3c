import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ResourceManagementClient } from "@azure/arm-resources";
import type { AzureContext } from "@infra/auth";
import { POLLED_OPERATIONS, startSignedInEmulator } from "@infra/auth/testing";
import { createLogger } from "@infra/cli";
import type { Emulator } from "@infra/emulator";
import { validateEnvironment } from "@infra/environments";
import { applyPlan, type Plan } from "@infra/plan";
import { planTask, provisioningOf, type TaskAuditResult, type TaskContext, type TaskDefinition } from "@infra/task";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { identitiesAudit } from "../src/audit/identities-audit.ts";
import { managedIdentitiesTask } from "../src/task.ts";

const GITHUB = "https://token.actions.githubusercontent.com";
const AUDIENCES = ["api://AzureADTokenExchange"];
const environment = validateEnvironment(
  {
    name: "mitest",
    location: "westeurope",
    namingPrefix: "mit",
    tags: { owner: "platform" },
    resourceGroups: [{ name: "rg-mit-app" }],
    managedIdentities: { identities: [{ name: "id-mit-app", resourceGroup: "rg-mit-app", tags: { workload: "api" } }] },
  },
  "test",
  await managedIdentitiesTask.environmentSections(),
);

let emulator: Emulator;
let azure: AzureContext;
let msi: ManagedServiceIdentityClient;
const context = (): TaskContext => ({ azure, environment, signal: new AbortController().signal });

const planOf = async (task: TaskDefinition, destroy = false) =>
  (await planTask(task, context(), { prune: false, destroy })).plan;
const apply = async (task: TaskDefinition, plan: Plan) => {
  expect(plan.problems).toEqual([]);
  const result = await applyPlan(plan, { kinds: (await provisioningOf(task)).kinds(context()) });
  expect(result.failed.map((failure) => `${failure.item.address}: ${String(failure.error)}`)).toEqual([]);
};
const actions = (plan: Plan) => plan.changes.map((change) => `${change.action} ${change.address}`);
const audit = (): Promise<TaskAuditResult> =>
  identitiesAudit.run(
    { subscriptionIds: [azure.subscriptionId], environment },
    {
      azure,
      log: createLogger({ write: { write: () => true } }),
      signal: new AbortController().signal,
      now: new Date(),
    },
  );
const findingsFor = (result: TaskAuditResult, name: string) =>
  result.findings
    .filter((finding) => finding.resourceId.endsWith(`/${name}`))
    .map((finding) => `${finding.ruleId} ${finding.status}: ${finding.message}`);

beforeAll(async () => {
  ({ emulator, azure } = await startSignedInEmulator({ task: "managed-identities", emulator: POLLED_OPERATIONS }));
  msi = new ManagedServiceIdentityClient(azure.credential, azure.subscriptionId, azure.clientOptions);
  // The group is the resource-groups task's to make; at the root the plan's dependsOn applies it first.
  await new ResourceManagementClient(
    azure.credential,
    azure.subscriptionId,
    azure.clientOptions,
  ).resourceGroups.createOrUpdate("rg-mit-app", { location: "westeurope" });
});
afterAll(() => emulator?.close());
afterEach(() => emulator.admin.clearFaults());

describe("managed-identities against the emulator (real @azure/arm-msi)", () => {
  it("plans the identity, applies it with the ownership tags, then re-plans with no changes", async () => {
    const first = await planOf(managedIdentitiesTask);
    expect(actions(first)).toEqual(['create managed-identities.identity["id-mit-app"]']);
    await apply(managedIdentitiesTask, first);

    const identity = await msi.userAssignedIdentities.get("rg-mit-app", "id-mit-app");
    expect(identity.principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(identity.tags).toEqual({
      owner: "platform",
      workload: "api",
      "managed-by": "azure-infra-ops",
      environment: "mitest",
      task: "managed-identities",
    });
    expect(actions(await planOf(managedIdentitiesTask))).toEqual(['no-op managed-identities.identity["id-mit-app"]']);
  });

  it("finds a branch credential made with the SDK, on owned and hand-made identities alike", async () => {
    await msi.federatedIdentityCredentials.createOrUpdate("rg-mit-app", "id-mit-app", "feature", {
      issuer: GITHUB,
      subject: "repo:acme/infra:ref:refs/heads/feature",
      audiences: AUDIENCES,
    });
    await msi.userAssignedIdentities.createOrUpdate("rg-mit-app", "id-by-hand", { location: "westeurope" });
    await msi.federatedIdentityCredentials.createOrUpdate("rg-mit-app", "id-by-hand", "prod", {
      issuer: GITHUB,
      subject: "repo:acme/infra:environment:prod",
      audiences: AUDIENCES,
    });
    await emulator.admin.clearRequests();

    const result = await audit();
    expect(findingsFor(result, "id-mit-app")).toEqual([
      "identity.branch-federated-credential fail: trusts pushes to branch feature",
    ]);
    expect(findingsFor(result, "id-by-hand")).toEqual([
      "identity.branch-federated-credential pass: 1 GitHub credential(s), none for a branch other than main",
    ]);
    // List calls only: the identities once per subscription, then each identity's credentials.
    const reads = (await emulator.admin.requests())
      .filter((entry) => entry.path.startsWith("/subscriptions/"))
      .map((entry) => `${entry.method} ${new URL(entry.path, "https://x").pathname.split("/providers/")[1]}`)
      .sort();
    expect(reads).toEqual([
      "GET Microsoft.ManagedIdentity/userAssignedIdentities",
      "GET Microsoft.ManagedIdentity/userAssignedIdentities/id-by-hand/federatedIdentityCredentials",
      "GET Microsoft.ManagedIdentity/userAssignedIdentities/id-mit-app/federatedIdentityCredentials",
    ]);
  });

  it("fails closed: a credential list refused with 403 is an error finding, not a pass", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: "/id-by-hand/federatedIdentityCredentials\\?",
      status: 403,
      code: "AuthorizationFailed",
      message: "The client does not have authorization to perform action 'federatedIdentityCredentials/read'.",
    });
    const [finding] = (await audit()).findings.filter((each) => each.resourceId.endsWith("/id-by-hand"));
    expect(finding?.status).toBe("error");
    expect(finding?.message).toContain("AuthorizationFailed");
  });

  it("destroys only what it owns: the hand-made identity stays", async () => {
    const destroy = await planOf(managedIdentitiesTask, true);
    // A leftover is addressed as the configuration would address it, with its id beneath.
    expect(actions(destroy)).toEqual(['delete managed-identities.identity["id-mit-app"]']);
    expect(destroy.changes[0]?.id).toMatch(/\/userAssignedIdentities\/id-mit-app$/);
    await apply(managedIdentitiesTask, destroy);
    const left = [];
    for await (const identity of msi.userAssignedIdentities.listByResourceGroup("rg-mit-app")) left.push(identity.name);
    expect(left).toEqual(["id-by-hand"]);
  });
});
