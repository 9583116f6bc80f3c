import { type AzureContext, connectAzure } from "@infra/auth";
import { createLogger } from "@infra/cli";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { environmentSchemaFor, repoEnvironments } from "@infra/environments";
import type { AuditScope, TaskAuditResult } from "@infra/task";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { governanceAudit } from "../../src/collect/governance-audit.ts";
import { governanceTask } from "../../src/task.ts";

const sub1 = `/subscriptions/${SEED.subscription1}`;
const legacyGroup = `${sub1}/resourceGroups/rg-legacy`;
const emptyGroup = `${sub1}/resourceGroups/rg-empty`;
// The repo's `local` environment targets the default seed: required tags owner + cost-center, region westeurope.
const scope: AuditScope = {
  subscriptionIds: [SEED.subscription1],
  // As the governance process reads it: the base fields checked, the other tasks' sections left to their tasks.
  environment: environmentSchemaFor(await governanceTask.environmentSections(), { otherKeys: "kept" }).parse(
    repoEnvironments.local,
  ),
};

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.admin.seed({
    resources: [
      {
        id: emptyGroup,
        name: "rg-empty",
        type: "Microsoft.Resources/resourceGroups",
        location: "eastus",
        tags: { owner: "platform-team", "cost-center": "42" },
        properties: { provisioningState: "Succeeded" },
      },
    ],
  });
});
afterAll(() => emulator?.close());
afterEach(() => emulator.admin.clearFaults());

async function audit(principal: "ops" | "auditor", auditScope = scope): Promise<TaskAuditResult> {
  const azure: AzureContext = await connectAzure({ task: "governance-audit-test", env: emulator.env(principal) });
  const log = createLogger({ write: { write: () => true } });
  return governanceAudit.run(auditScope, { azure, log, signal: new AbortController().signal, now: new Date() });
}

function statusOf(result: TaskAuditResult, ruleId: string, resourceId: string): string | undefined {
  return result.findings.find(
    (finding) => finding.ruleId === ruleId && finding.resourceId.toLowerCase() === resourceId.toLowerCase(),
  )?.status;
}

describe("governance audit of the default seed (real SDKs against the emulator)", () => {
  it.each([
    ["governance.required-tags", legacyGroup, "fail"], // owner but no cost-center
    ["governance.required-tags", `${legacyGroup}/providers/Microsoft.Storage/storageAccounts/legacydata001`, "fail"],
    ["governance.required-tags", emptyGroup, "pass"],
    ["governance.allowed-locations", legacyGroup, "pass"],
    ["governance.allowed-locations", emptyGroup, "fail"], // eastus, outside westeurope
    ["governance.empty-resource-group", legacyGroup, "pass"],
    ["governance.empty-resource-group", emptyGroup, "fail"],
    ["governance.owner-count", sub1, "pass"],
    ["governance.subscription-groups-over-users", sub1, "pass"],
    ["governance.group-delete-lock", legacyGroup, "not-applicable"], // local is not protected
  ])("%s on %s: %s", async (ruleId, resourceId, status) => {
    expect(statusOf(await audit("ops"), ruleId, resourceId)).toBe(status);
  });

  it("reads five things per subscription and leaves nothing unevaluated", async () => {
    await emulator.admin.clearRequests();
    const result = await audit("auditor");
    const reads = (await emulator.admin.requests()).filter((entry) => entry.path.startsWith(`${sub1}`));
    expect(reads.map((entry) => new URL(entry.path, "https://x").pathname.replace(sub1, "") || "/").sort()).toEqual([
      "/",
      "/providers/Microsoft.Authorization/locks",
      "/providers/Microsoft.Authorization/roleAssignments",
      "/resourcegroups",
      "/resources",
    ]);
    expect(result.findings.filter((finding) => finding.status === "error")).toEqual([]);
    expect(result.resourcesRead).toBe(4); // subscription, two groups, one account
  });

  it("gives the Reader-only auditor the same findings as the Owner", async () => {
    const summary = (result: TaskAuditResult) =>
      result.findings.map((finding) => `${finding.ruleId} ${finding.resourceId} ${finding.status}`).sort();
    expect(summary(await audit("auditor"))).toEqual(summary(await audit("ops")));
  });

  it("narrows to --resource-group", async () => {
    const result = await audit("auditor", { ...scope, resourceGroup: "RG-EMPTY" });
    expect(new Set(result.findings.map((finding) => finding.resourceId))).toEqual(new Set([emptyGroup]));
  });

  it("turns a 403 on the role assignment list into error findings for the rules that need it", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: "/providers/Microsoft.Authorization/roleAssignments\\?",
      status: 403,
      code: "AuthorizationFailed",
    });
    const result = await audit("auditor");
    const errors = result.findings.filter((finding) => finding.status === "error");
    expect(new Set(errors.map((finding) => finding.ruleId))).toEqual(
      new Set([
        "governance.owner-count",
        "governance.subscription-groups-over-users",
        "governance.group-groups-over-users",
      ]),
    );
    expect(errors.every((finding) => /403 AuthorizationFailed/.test(finding.message))).toBe(true);
    expect(statusOf(result, "governance.empty-resource-group", emptyGroup)).toBe("fail");
  });

  it("turns a failed group list into error findings, not an empty pass", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: "/resourcegroups\\?",
      status: 403,
      code: "AuthorizationFailed",
    });
    const result = await audit("auditor");
    const errors = result.findings.filter((finding) => finding.resourceId === `${sub1}/resourceGroups`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((finding) => finding.status === "error")).toBe(true);
  });
});
