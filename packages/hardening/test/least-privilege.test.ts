// Issue 9.4: each command works with the smallest role that should suffice, and plan/audit cannot write at all.
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { type AzureContext, connectAzure } from "@infra/auth";
import { runRoot, writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hardeningEnvironment } from "./support/hardening-environment.ts";
import { pendingChanges, provisionEnvironment } from "./support/in-process-provision.ts";
import { acceptedWritesIn, writesIn } from "./support/request-log.ts";

let emulator: Emulator;
let ops: AzureContext;
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
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
const environment = hardeningEnvironment("leastpriv", { accounts: 2, roleAssignments: false });
const grown = hardeningEnvironment("leastpriv", { accounts: 3, roleAssignments: false });

async function requestsBy(principal: string) {
  return (await emulator.admin.requests()).filter((entry) => entry.principal === principal);
}

beforeAll(async () => {
  emulator = await startEmulator();
  ops = await connectAzure({ task: "hardening", env: emulator.env("ops") });
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

  it("a Reader-only provision fails with AuthorizationFailed and no write succeeds", async () => {
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(grown), "--yes"], {
      env: emulator.env("auditor"),
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /AuthorizationFailed \(HTTP 403\).*does not have authorization to perform action 'Microsoft\.Storage\/storageAccounts\/write'/,
    );
    const mine = await requestsBy("auditor");
    expect(writesIn(mine).length).toBeGreaterThan(0); // it did try
    expect(acceptedWritesIn(mine)).toEqual([]);
    const pending = await pendingChanges(ops, grown);
    expect(pending).toContain('create storage.account["leastpriacct2"]');
    expect(pending.filter((change) => !change.includes('"leastpriacct2'))).toEqual([]);
  });

  // Known gap (not fixed here): the kinds read at subscription scope (group locks: listAtSubscriptionLevel; storage
  // accounts: storageAccounts.list; role assignments: listForSubscription; managed identities likewise), which ARM
  // refuses to an identity whose roles are all on resource groups. `it.fails`: this flips to a failure once fixed.
  it.fails("provision as Contributor on the environment's resource groups only (no subscription role)", async () => {
    await grantDeployer("Contributor on groups");
    const azure = await connectAzure({ task: "hardening", env: emulator.env("deployer") });
    expect((await provisionEnvironment(azure, grown)).failed).toEqual([]);
  });

  it("provision works as Contributor on the environment's resource groups plus Reader on the subscription", async () => {
    await grantDeployer("Contributor on groups");
    await grantDeployer("Reader on subscription");
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", await writeEnvironmentFile(grown), "--yes"], {
      env: emulator.env("deployer"),
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(await pendingChanges(ops, grown)).toEqual([]);
    expect(acceptedWritesIn(await requestsBy("deployer")).length).toBeGreaterThan(0);
  });
});

const granted = new Set<string>();
/** Seeds the deployer once and gives it a role (as ops, through the SDK), once per grant. */
async function grantDeployer(grant: "Contributor on groups" | "Reader on subscription"): Promise<void> {
  if (granted.size === 0) await emulator.admin.seed({ principals: [deployer] });
  if (granted.has(grant)) return;
  granted.add(grant);
  const authorization = new AuthorizationManagementClient(ops.credential, SEED.subscription1, ops.clientOptions);
  const subscription = `/subscriptions/${SEED.subscription1}`;
  const [role, scopes] =
    grant === "Reader on subscription"
      ? [READER, [subscription]]
      : [CONTRIBUTOR, grown.resourceGroups.map((group) => `${subscription}/resourceGroups/${group.name}`)];
  for (const scope of scopes) {
    await authorization.roleAssignments.create(scope, crypto.randomUUID(), {
      roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
      principalId: deployer.objectId,
      principalType: "ServicePrincipal",
    });
  }
}
