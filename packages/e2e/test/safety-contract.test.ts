// The safety contract at its edges, through the root commands: nothing is written that a person did not approve,
// nothing this environment does not own is deleted, failed parents stop their children. Each case reads the
// emulator's request log, so "nothing was written" is what ARM saw, not what the command said.
import { readFile, writeFile } from "node:fs/promises";
import { ResourceManagementClient } from "@azure/arm-resources";
import type { StorageManagementClient } from "@azure/arm-storage";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";

let emulator: Emulator;
let storage: StorageManagementClient;
let authorization: AuthorizationManagementClient;
let resources: ResourceManagementClient;

const WRITE = new Set(["PUT", "PATCH", "DELETE"]);
/** Every write ARM received since the log was cleared (a refused one included: it was still sent). */
async function armWrites(): Promise<string[]> {
  return (await emulator.admin.requests())
    .filter((entry) => entry.path.startsWith("/subscriptions/") && WRITE.has(entry.method))
    .map((entry) => `${entry.method} ${entry.path.replace(/\?.*$/, "")}`);
}

const ops = () => emulator.env("ops");

function safeEnvironment(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    subscriptionId: SEED.subscription1,
    location: "westeurope",
    namingPrefix: name.replace(/-/g, ""),
    tags: { owner: "platform-team" },
    resourceGroups: [{ name: `rg-${name}` }],
    storage: {
      accounts: [
        { name: `${name.replace(/-/g, "")}acct`, resourceGroup: `rg-${name}`, containers: [{ name: "data" }] },
      ],
    },
    ...extra,
  };
}

async function provisioned(environment: unknown, extraArgs: string[] = []): Promise<string> {
  const file = await writeEnvironmentFile(environment);
  const result = await runRoot("provision", ["--env-file", file, "--yes", ...extraArgs], { env: ops() });
  expect(result.code, result.stderr).toBe(0);
  return file;
}

beforeAll(async () => {
  const context = await openE2eContext();
  ({ emulator, storage } = context);
  const { credential, clientOptions } = context.azure;
  authorization = new AuthorizationManagementClient(credential, SEED.subscription1, clientOptions);
  resources = new ResourceManagementClient(credential, SEED.subscription1, clientOptions);
});
afterAll(async () => {
  await emulator?.close();
});

describe("protection and identity are facts of the live environment", () => {
  it("a file that calls itself prod cannot destroy prod: refused before any call", async () => {
    const prod = await runRoot("provision", ["--env", "prod", "--yes", "--confirm-env", "prod"], { env: ops() });
    expect(prod.code, prod.stderr).toBe(0);
    const impostor = await writeEnvironmentFile({ name: "prod", location: "westeurope", namingPrefix: "hx" });
    await emulator.admin.clearRequests();
    for (const command of [["destroy"], ["provision", "--prune"]]) {
      const result = await runRoot(command[0] ?? "", [...command.slice(1), "--env-file", impostor, "--yes"], {
        env: ops(),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/declares name "prod", which is this repository's environment/);
    }
    expect(await emulator.admin.requests()).toEqual([]);
    expect((await storage.storageAccounts.getProperties("rg-prd-app", "prdappassets")).name).toBe("prdappassets");
  });

  it("a file that drops a protected environment's protection still needs its name typed", async () => {
    const real = safeEnvironment("vault", { protected: true });
    await provisioned(real, ["--confirm-env", "vault"]);
    const impostor = await writeEnvironmentFile({ ...real, protected: false, storage: { accounts: [] } });
    await emulator.admin.clearRequests();
    const result = await runRoot("destroy", ["--env-file", impostor, "--yes"], { env: ops() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/vault is protected: \d+ of its resources in Azure are marked protected/);
    expect(result.stderr).toMatch(/"vault" is a protected environment: pass --yes --confirm-env vault/);
    expect(await armWrites()).toEqual([]);
  });

  it("a JSON file with a key given twice is refused, naming the key and line", async () => {
    const file = await writeEnvironmentFile({});
    await writeFile(
      file,
      '{\n  "name": "vault",\n  "location": "westeurope",\n  "namingPrefix": "vault",\n  "name": "prod"\n}\n',
    );
    await emulator.admin.clearRequests();
    const result = await runRoot("plan", ["--env-file", file], { env: ops() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"name" is given twice/);
    expect(await emulator.admin.requests()).toEqual([]);
  });
});

describe("a saved plan is checked against a fresh plan, never trusted", () => {
  interface SavedChange {
    action: string;
    address: string;
    id: string;
    kind: string;
    name?: string;
    task?: string;
    dependsOn?: string[];
    properties?: { properties?: Record<string, unknown> };
    diff: unknown[];
    liveFingerprint: string;
  }
  let envFile: string;
  beforeAll(async () => {
    envFile = await provisioned(safeEnvironment("edits"));
  });

  async function savedPlan(): Promise<{ path: string; plan: { subscriptionId: string; changes: SavedChange[] } }> {
    const path = `${envFile}.plan.json`;
    const made = await runRoot("plan", ["--env-file", envFile, "--out", path], { env: ops() });
    expect(made.code, made.stderr).toBe(0);
    return { path, plan: JSON.parse(await readFile(path, "utf8")) };
  }

  async function applySaved(path: string) {
    await emulator.admin.clearRequests();
    return runRoot("provision", ["--env-file", envFile, "--plan", path, "--yes"], { env: ops() });
  }

  it.each<{ label: string; edit: (plan: { subscriptionId: string; changes: SavedChange[] }) => void; reason: RegExp }>([
    {
      label: "an account's blob public access turned on",
      edit: (plan) => {
        const account = plan.changes.find((change) => change.address === 'storage.account["editsacct"]');
        const settings = account?.properties?.properties ?? {};
        settings.allowBlobPublicAccess = true;
        if (account) {
          account.action = "update";
          account.diff = [{ path: "properties.allowBlobPublicAccess", before: false, after: true }];
        }
      },
      reason: /storage\.account\["editsacct"\]: is not what the configuration produces/,
    },
    {
      label: "a delete of an account this environment does not own",
      edit: (plan) => {
        plan.changes.push({
          action: "delete",
          address: 'storage.account["legacydata001"]',
          id: `/subscriptions/${SEED.subscription1}/resourceGroups/${SEED.legacyResourceGroup}/providers/Microsoft.Storage/storageAccounts/legacydata001`,
          kind: "Microsoft.Storage/storageAccounts",
          name: "legacydata001",
          task: "storage",
          dependsOn: [],
          diff: [],
          liveFingerprint: "sha256:0000",
        });
      },
      reason: /legacydata001"\]: is not a delete this environment may make now/,
    },
    {
      label: "another subscription",
      edit: (plan) => {
        plan.subscriptionId = SEED.subscription2;
      },
      reason: /made for subscription 22222222-0000-4000-8000-000000000002, but the environment is in 11111111/,
    },
  ])("an edited plan writes nothing: $label", async ({ edit, reason }) => {
    const { path, plan } = await savedPlan();
    edit(plan);
    await writeFile(path, JSON.stringify(plan));
    const result = await applySaved(path);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/the plan no longer matches Azure and the configuration; nothing was applied/);
    expect(result.stderr).toMatch(reason);
    expect(await armWrites()).toEqual([]);
    expect((await storage.storageAccounts.getProperties("rg-edits", "editsacct")).allowBlobPublicAccess).toBe(false);
  });

  it("a stale plan writes nothing at all, in no task: the group tag is not written when the account moved", async () => {
    const changed = await writeEnvironmentFile(
      safeEnvironment("edits", { tags: { owner: "platform-team", "cost-center": "7" } }),
    );
    const path = `${changed}.plan.json`;
    const made = await runRoot("plan", ["--env-file", changed, "--out", path], { env: ops() });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/~ update resource-groups\.group\["rg-edits"\]/);
    await storage.storageAccounts.update("rg-edits", "editsacct", { minimumTlsVersion: "TLS1_0" });
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", changed, "--plan", path, "--yes"], { env: ops() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/storage\.account\["editsacct"\]: changed in Azure since the plan was made/);
    expect(await armWrites()).toEqual([]);
    await storage.storageAccounts.update("rg-edits", "editsacct", { minimumTlsVersion: "TLS1_2" });
  });
});

describe("a delete takes only what this environment owns", () => {
  it("destroy is refused before its first delete when an owned account holds a container and a role assignment made by hand", async () => {
    const envFile = await provisioned(safeEnvironment("spill"));
    await storage.blobContainers.create("rg-spill", "spillacct", "handmade", {});
    const account = (await storage.storageAccounts.getProperties("rg-spill", "spillacct")).id ?? "";
    await authorization.roleAssignments.create(account, "5d7b7e8c-2f1a-4c37-9a4e-000000000001", {
      roleDefinitionId: `/subscriptions/${SEED.subscription1}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
      principalId: SEED.workload.objectId,
      principalType: "ServicePrincipal",
    });
    await emulator.admin.clearRequests();
    const result = await runRoot("destroy", ["--env-file", envFile, "--yes"], { env: ops() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/containers\/handmade/);
    expect(result.stdout).toMatch(/roleAssignments\/5d7b7e8c-2f1a-4c37-9a4e-000000000001/);
    expect(result.stderr).toMatch(/the plan has \d+ problem\(s\) and cannot be applied/);
    expect(await armWrites()).toEqual([]);
  });

  it("the GitHub bootstrap's role assignments go with the groups, and the bootstrap tears down on its own", async () => {
    const environment = safeEnvironment("boot");
    const envFile = await provisioned(environment);
    const bootstrap = await runRoot(
      "bootstrap:github",
      ["--env-file", envFile, "--repo", "acme/infra", "--yes", "--no-gh"],
      { env: ops() },
    );
    expect(bootstrap.code, bootstrap.stderr).toBe(0);
    const destroyed = await runRoot("destroy", ["--env-file", envFile, "--yes"], { env: ops() });
    expect(destroyed.code, destroyed.stderr).toBe(0);
    const teardown = await runRoot("bootstrap:github", ["--env-file", envFile, "--destroy", "--yes"], {
      env: ops(),
    });
    expect(teardown.code, teardown.stderr).toBe(0);
    expect(teardown.stdout).toMatch(/- delete github-oidc\.identity\["id-boot-github-apply"\]/);
    const groups: string[] = [];
    for await (const group of resources.resourceGroups.list()) groups.push(group.name ?? "");
    expect(groups.filter((name) => name.startsWith("rg-boot"))).toEqual([]);
  });
});

describe("a change whose dependency failed is not sent", () => {
  it("a refused resource group create stops its account, services, containers and role assignment", async () => {
    const environment = safeEnvironment("orphaned");
    const account = environment.storage.accounts[0];
    if (account)
      Object.assign(account, {
        roleAssignments: [{ principalId: SEED.workload.objectId, role: "Storage Blob Data Reader" }],
      });
    await emulator.admin.addFault({
      method: "PUT",
      path: "/resourcegroups/rg-orphaned\\?",
      status: 400,
      code: "InvalidResourceGroup",
      message: "refused for this test",
    });
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(environment), "--yes"], {
      env: ops(),
    });
    await emulator.admin.clearFaults();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/create resource-groups\.group\["rg-orphaned"\]: .*InvalidResourceGroup/);
    expect(result.stdout).toMatch(/storage\.container\["orphanedacct\/data"\] skipped: /);
    const underTheGroup = (await armWrites()).filter((write) => /\/resourceGroups\/rg-orphaned\//i.test(write));
    expect(underTheGroup).toEqual([]);
  });
});
