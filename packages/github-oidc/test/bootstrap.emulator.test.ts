import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ResourceManagementClient } from "@azure/arm-resources";
import { type AzureContext, connectAzure } from "@infra/auth";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { type Environment, loadEnvironment } from "@infra/environments";
import { applyPlan, hasPendingChanges, type Plan } from "@infra/plan";
import { resourceGroupsTask } from "@infra/resource-groups";
import { storageTask } from "@infra/storage";
import { planTask, provisioningOf, type TaskDefinition } from "@infra/task";
import { taskList } from "@infra/tasks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBootstrap, deployVariables } from "../src/apply-bootstrap.ts";
import { type BootstrapRequest, planBootstrap } from "../src/bootstrap-plan.ts";
import { FederatedCredentialLimitError } from "../src/credential-limit.ts";
import { parseRepository } from "../src/github-subject.ts";
import type { GitHubVariable } from "../src/github-variables.ts";
import { identityGroupName, identityName } from "../src/names.ts";
import { connectAsWorkflow } from "./support/github-session.ts";

let emulator: Emulator;
let ops: AzureContext;
let prod: Environment;
let request: BootstrapRequest;
let variables: GitHubVariable[];

const pending = (plan: Plan) => plan.changes.filter((change) => change.action !== "no-op");
const variable = (name: string, environment?: string) =>
  variables.find((entry) => entry.name === name && entry.environment === environment)?.value ?? "";

/** The repo's own plan of the environment (resource groups + storage), as `pnpm run plan` makes it per task. */
async function planEnvironment(azure: AzureContext, tasks: TaskDefinition[]) {
  const context = { azure, environment: prod, signal: new AbortController().signal };
  return Promise.all(
    tasks.map(async (task) => ({
      task,
      context,
      plan: (await planTask(task, context, { prune: false, destroy: false })).plan,
    })),
  );
}

beforeAll(async () => {
  emulator = await startEmulator({ config: { lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 } } });
  ops = await connectAzure({ task: "bootstrap-test", env: emulator.env("ops") });
  prod = await loadEnvironment({ env: "prod" }, await taskList.sections());
  request = {
    environment: prod,
    repository: parseRepository("acme/infra"),
    defaultBranch: "main",
    prune: false,
    azure: ops,
    pollIntervalMs: 10,
  };
});
afterAll(async () => {
  await emulator?.close();
});

describe("bootstrap:github against the emulator", () => {
  it("plans the groups, two identities, their credentials and roles; applies; a second run shows no changes", async () => {
    const first = await planBootstrap(request);
    expect(first.plan.problems).toEqual([]);
    expect(pending(first.plan).map((change) => `${change.action} ${change.address}`)).toEqual(
      expect.arrayContaining([
        'create resource-groups.group["rg-prd-app"]',
        'create resource-groups.lock["rg-prd-app"]',
        'create github-oidc.group["rg-prd-identity"]',
        'create github-oidc.identity["apply"]',
        'create github-oidc.identity["read"]',
        'create github-oidc.credential["apply/github-environment-prod"]',
        'create github-oidc.credential["read/github-pull-request"]',
        'create github-oidc.credential["read/github-branch-main"]',
        'create github-oidc.role["apply/Reader@subscription"]',
        'create github-oidc.role["apply/Contributor@rg-prd-app"]',
        'create github-oidc.role["read/Reader@subscription"]',
      ]),
    );
    // prod assigns no data roles: no User Access Administrator for the apply identity.
    expect(first.plan.changes.some((change) => change.address.includes("User Access Administrator"))).toBe(false);
    variables = await applyBootstrap(request, first);

    await emulator.admin.clearRequests();
    const second = await planBootstrap(request);
    expect(pending(second.plan)).toEqual([]);
    const writes = (await emulator.admin.requests()).filter((entry) => entry.method !== "GET");
    expect(writes.filter((entry) => entry.path.startsWith("/subscriptions/"))).toEqual([]);

    expect(variables).toEqual(await deployVariables(request));
    expect(variable("AZURE_TENANT_ID")).toBe(SEED.tenantId);
    expect(variable("AZURE_SUBSCRIPTION_ID_PROD")).toBe(SEED.subscription1);
    expect(variable("AZURE_CLIENT_ID", "prod")).toMatch(/^[0-9a-f-]{36}$/);
    expect(variable("AZURE_READER_CLIENT_ID_PROD")).not.toBe(variable("AZURE_CLIENT_ID", "prod"));
  });

  it("the pull_request identity plans prod through GitHub OIDC, and a real SDK write is refused with 403", async () => {
    const read = await connectAsWorkflow(emulator, variable("AZURE_READER_CLIENT_ID_PROD"), { pullRequest: true });
    expect(read.identity).toMatchObject({ gitHub: { subject: "repo:acme/infra:pull_request" } });
    const plans = await planEnvironment(read, [resourceGroupsTask, storageTask]);
    expect(plans.flatMap(({ plan }) => plan.problems)).toEqual([]);

    const groups = new ResourceManagementClient(read.credential, read.subscriptionId, read.clientOptions);
    const refused = await groups.resourceGroups
      .createOrUpdate("rg-prd-app", { location: "westeurope", tags: { changed: "by-a-pull-request" } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
  });

  it("the environment:prod identity applies prod's plan, but cannot touch its own federated credentials", async () => {
    const apply = await connectAsWorkflow(emulator, variable("AZURE_CLIENT_ID", "prod"), { environment: "prod" });
    expect(apply.identity).toMatchObject({ gitHub: { subject: "repo:acme/infra:environment:prod" } });
    for (const { task, context, plan } of await planEnvironment(apply, [resourceGroupsTask, storageTask])) {
      const result = await applyPlan(plan, { kinds: (await provisioningOf(task)).kinds(context) });
      expect(result.failed.map(({ item, error }) => `${item.address}: ${String(error)}`)).toEqual([]);
    }
    const after = await planEnvironment(apply, [resourceGroupsTask, storageTask]);
    expect(after.filter(({ plan }) => hasPendingChanges(plan))).toEqual([]);

    const msi = new ManagedServiceIdentityClient(apply.credential, apply.subscriptionId, apply.clientOptions);
    const escalation = await msi.federatedIdentityCredentials
      .createOrUpdate(identityGroupName(prod), identityName(prod, "apply"), "any-branch", {
        issuer: "https://token.actions.githubusercontent.com",
        subject: "repo:acme/infra:ref:refs/heads/feature",
        audiences: ["api://AzureADTokenExchange"],
      })
      .catch((error: unknown) => error);
    expect(escalation).toMatchObject({ statusCode: 403 });
  });

  it("refuses a ref:refs/heads/feature token with AADSTS70021, naming the subject presented", async () => {
    const error = await connectAsWorkflow(emulator, variable("AZURE_READER_CLIENT_ID_PROD"), {
      ref: "refs/heads/feature",
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AuthenticationFailedError", aadstsCode: 70021 });
    expect((error as Error).message).toContain("subject 'repo:acme/infra:ref:refs/heads/feature'");
  });

  it("moves to the owner@id/repo@id subjects as an in-place update, and signs in with them", async () => {
    const ids = { ownerId: "1234", repoId: "5678" };
    const withIds = { ...request, repository: parseRepository("acme/infra", ids.ownerId, ids.repoId) };
    const moved = await planBootstrap(withIds);
    expect(pending(moved.plan).map((change) => `${change.action} ${change.address}`)).toEqual([
      'update github-oidc.credential["apply/github-environment-prod"]',
      'update github-oidc.credential["read/github-pull-request"]',
      'update github-oidc.credential["read/github-branch-main"]',
    ]);
    await applyBootstrap(withIds, moved);
    const apply = await connectAsWorkflow(emulator, variable("AZURE_CLIENT_ID", "prod"), { environment: "prod" }, ids);
    expect(apply.identity).toMatchObject({ gitHub: { subject: "repo:acme@1234/infra@5678:environment:prod" } });
    await applyBootstrap(request, await planBootstrap(request));
  });

  it("refuses a plan that would leave an identity with more than 20 federated credentials", async () => {
    const msi = new ManagedServiceIdentityClient(ops.credential, ops.subscriptionId, ops.clientOptions);
    for (let index = 0; index < 18; index++) {
      await msi.federatedIdentityCredentials.createOrUpdate(
        identityGroupName(prod),
        identityName(prod, "read"),
        `by-hand-${index}`,
        {
          issuer: "https://token.actions.githubusercontent.com",
          subject: `repo:acme/other:environment:e${index}`,
          audiences: ["api://AzureADTokenExchange"],
        },
      );
    }
    const error = await planBootstrap({ ...request, defaultBranch: "release" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FederatedCredentialLimitError);
    expect((error as Error).message).toMatch(
      /'id-prd-github-read' would hold 21 federated identity credentials.*at most 20/,
    );
    // With --prune the leftovers go (they sit under an identity this repo owns), and the plan fits again.
    const pruned = await planBootstrap({ ...request, defaultBranch: "release", prune: true });
    expect(pruned.plan.changes.filter((change) => change.action === "delete")).toHaveLength(19);
  });
});
