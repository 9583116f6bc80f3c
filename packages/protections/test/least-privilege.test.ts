// Each command works with the smallest role that should suffice, and plan/audit cannot write at all.

import { type AzureContext, connectAzure } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { runRoot, writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingChanges, provisionEnvironment } from "./support/in-process-provision.ts";
import { acceptedWritesIn, writesIn } from "./support/request-log.ts";
import { suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let ops: AzureContext;
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
const deployer = {
  name: "deployer",
  kind: "ServicePrincipal" as const,
  displayName: "deploy-leastpriv",
  tenantId: SEED.tenantId,
  clientId: "0a500000-0000-4000-8000-0000000000d1",
  objectId: "0b500000-0000-4000-8000-0000000000d1",
  secrets: ["deployer-emulator-secret"],
  federatedCredentials: [],
};
// Provisioned by ops beforehand; every case then wants one more account than exists, so there is a write to attempt.
const environment = suiteEnvironment("leastpriv", { accounts: 2, roleAssignments: false });
const grown = suiteEnvironment("leastpriv", { accounts: 3, roleAssignments: false });
// Its own environment, so the other cases' accounts are untouched: the groups exist (a group-scoped identity cannot
// create groups), then the deployer adds two accounts, four containers and one data role assignment.
const groupsOnly = suiteEnvironment("lpgroups", { accounts: 2 });
const groupsOnlyBefore = suiteEnvironment("lpgroups", { accounts: 0 });

async function requestsBy(principal: string) {
  return (await emulator.admin.requests()).filter((entry) => entry.principal === principal);
}

beforeAll(async () => {
  emulator = await startEmulator();
  ops = await connectAzure({ task: "protections", env: emulator.env("ops") });
  expect((await provisionEnvironment(ops, environment)).failed).toEqual([]);
});
afterAll(async () => {
  await emulator?.close();
});

describe("least privilege", () => {
  // Protection: plan and audit have no write path: kinds write only in applyPlan, audits only read (plan/apply split).
  // Checked: a resource-group readLive that re-PUTs the groups it lists makes this case fail (the auditor's plan is
  // refused, the Owner's log shows the PUTs).
  it("plan and audit work as the Reader-only auditor, and as Owner they still make only reads", async () => {
    const envFile = await writeEnvironmentFile(grown);
    await emulator.admin.clearRequests();
    const runs = await Promise.all(
      ["auditor", "ops"].flatMap((who) => [
        runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: emulator.env(who) }),
        runRoot("audit", ["--env-file", envFile], { env: emulator.env(who) }),
      ]),
    );
    for (const [index, result] of runs.entries()) {
      // plan: 3 = works, one create pending; audit: 0 or 3 = ran to the end (findings are not this case's business)
      expect(index % 2 === 0 ? [3] : [0, 3], result.stderr).toContain(result.code);
    }
    expect(runs[0]?.stdout).toMatch(/\+ create storage\.account\["leastpriacct2"\]/);
    const log = await emulator.admin.requests();
    expect(log.filter((entry) => entry.principal === "auditor").length).toBeGreaterThan(10);
    // Only GET/HEAD reach ARM, plus the POST ARM authorizes as a read (name availability); identity endpoints aside.
    expect(writesIn(log)).toEqual([]);
  });

  it("a Reader-only provision fails with AuthorizationFailed at the environment's lock and no write succeeds", async () => {
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(grown), "--yes"], {
      env: emulator.env("auditor"),
    });
    expect(result.code).toBe(1);
    // Taking the lock is a write (its container, its lease): a read-only identity stops there, before any change.
    expect(result.stdout + result.stderr).toMatch(
      /AuthorizationFailed \(HTTP 403\).*does not have authorization to perform action 'Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/(write|lease\/action)'/,
    );
    const mine = await requestsBy("auditor");
    expect(writesIn(mine).length).toBeGreaterThan(0); // it did try
    expect(acceptedWritesIn(mine)).toEqual([]);
    const pending = await pendingChanges(ops, grown);
    expect(pending).toContain('create storage.account["leastpriacct2"]');
    expect(pending.filter((change) => !change.includes('"leastpriacct2'))).toEqual([]);
  });

  // Protection: kinds that list at subscription scope fall back to per-group lists when ARM answers 403
  // (listWireOrPerGroup in @infra/arm), and the emulator, like ARM, filters the group list to the groups
  // the caller may read; the storage preflight turns a refused (subscription-scope) name check into a plan note.
  // Without any of the three, this provision stops with AuthorizationFailed before it writes anything.
  it("`pnpm run provision` as Contributor + User Access Administrator on the environment's resource groups only", async () => {
    expect((await provisionEnvironment(ops, groupsOnlyBefore)).failed).toEqual([]); // the groups: ops makes them
    await grantDeployer("Contributor and User Access Administrator on lpgroups groups");
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(groupsOnly), "--yes"], {
      env: emulator.env("deployer"),
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // The plan said what it could not check, before anything was applied.
    expect(result.stdout).toMatch(
      /\* storage\.account\["lpgroupsacct0"\]: the name "lpgroupsacct0" was not checked for availability/,
    );
    expect(await pendingChanges(ops, groupsOnly)).toEqual([]);
    const mine = await requestsBy("deployer");
    // It did meet the refusals it works around, and it wrote accounts, containers and the data role assignment.
    expect(
      mine.some(
        (entry) => entry.status === 403 && /\/providers\/Microsoft\.Storage\/storageAccounts\?/i.test(entry.path),
      ),
    ).toBe(true);
    expect(mine.some((entry) => entry.status === 403 && /\/checkNameAvailability\?/i.test(entry.path))).toBe(true);
    const written = acceptedWritesIn(mine).map((entry) => entry.path);
    expect(written.some((path) => /\/storageAccounts\/lpgroupsacct1\?/i.test(path))).toBe(true);
    expect(written.some((path) => /\/blobServices\/default\/containers\/data\?/i.test(path))).toBe(true);
    expect(written.some((path) => /\/Microsoft\.Authorization\/roleAssignments\//i.test(path))).toBe(true);
    expect(await pendingChanges(ops, groupsOnly)).toEqual([]);
  });

  it("with Reader on the subscription as well, the account names are checked before apply, and no note", async () => {
    await grantDeployer("Contributor on groups");
    await grantDeployer("Reader on subscription");
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(grown), "--yes"], {
      env: emulator.env("deployer"),
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/not checked for availability/);
    const nameChecks = (await requestsBy("deployer")).filter((entry) => /\/checkNameAvailability\?/i.test(entry.path));
    expect(nameChecks.map((entry) => entry.status)).toEqual([200]);
    expect(await pendingChanges(ops, grown)).toEqual([]);
    expect(acceptedWritesIn(await requestsBy("deployer")).length).toBeGreaterThan(0);
  });
});

type Grant =
  | "Contributor on groups"
  | "Reader on subscription"
  | "Contributor and User Access Administrator on lpgroups groups";
const granted = new Set<Grant>();
/** Seeds the deployer once and gives it roles (as ops, through the SDK), once per grant. */
async function grantDeployer(grant: Grant): Promise<void> {
  if (granted.size === 0) await emulator.admin.seed({ principals: [deployer] });
  if (granted.has(grant)) return;
  granted.add(grant);
  const authorization = new AuthorizationManagementClient(ops.credential, SEED.subscription1, ops.clientOptions);
  const subscription = `/subscriptions/${SEED.subscription1}`;
  const groupsOf = (environment: { resourceGroups: { name: string }[] }) =>
    environment.resourceGroups.map((group) => `${subscription}/resourceGroups/${group.name}`);
  const [roles, scopes] =
    grant === "Reader on subscription"
      ? [[READER], [subscription]]
      : grant === "Contributor on groups"
        ? [[CONTRIBUTOR], groupsOf(grown)]
        : [[CONTRIBUTOR, USER_ACCESS_ADMINISTRATOR], groupsOf(groupsOnly)];
  for (const scope of scopes) {
    for (const role of roles) {
      await authorization.roleAssignments.create(scope, crypto.randomUUID(), {
        roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
        principalId: deployer.objectId,
        principalType: "ServicePrincipal",
      });
    }
  }
}
