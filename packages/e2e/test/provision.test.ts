// Provisioning through the root commands exactly as a person runs them, against the emulator.
import type { StorageManagementClient } from "@azure/arm-storage";
import type { Emulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";
import { e2eEnvironment, GROUPS } from "./support/e2e-environment.ts";

let emulator: Emulator;
let envFile: string;
let storage: StorageManagementClient;

const isWrite = (method: string) => ["PUT", "PATCH", "DELETE", "POST"].includes(method);
async function armWrites(): Promise<{ method: string; path: string }[]> {
  return (await emulator.admin.requests()).filter(
    (entry) =>
      entry.path.startsWith("/subscriptions/") && isWrite(entry.method) && !/checkNameAvailability/i.test(entry.path),
  );
}

async function planJson(): Promise<{
  code: number | null;
  changes: { action: string; address: string; diff: { path: string }[] }[];
}> {
  const result = await runRoot("plan", ["--env-file", envFile, "--json", "--detailed-exitcode"], {
    env: emulator.env("ops"),
  });
  const parsed = JSON.parse(result.stdout) as {
    changes: { action: string; address: string; diff: { path: string }[] }[];
  };
  return { code: result.code, changes: parsed.changes.filter((change) => change.action !== "no-op") };
}

beforeAll(async () => {
  ({ emulator, storage, envFile } = await openE2eContext());
});
afterAll(async () => {
  await emulator?.close();
});

describe("provision an environment of 3 groups and 10 accounts", () => {
  it("applies, then a re-plan reports no changes (exit 0 with --detailed-exitcode)", async () => {
    const applied = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    expect(applied.stderr).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no token in any output
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Plan: \d+ to create, 0 to update, 0 to delete/);
    expect(applied.stdout).toMatch(/Apply complete: \d+ changed, 0 failed, 0 skipped/);

    const accounts = [];
    for await (const account of storage.storageAccounts.list()) accounts.push(account);
    const ours = accounts.filter((account) => account.name?.startsWith("e2eacct"));
    expect(ours).toHaveLength(10);
    expect(ours.every((account) => account.tags?.["managed-by"] === "azure-infra-ops")).toBe(true);
    expect(
      ours.every((account) => account.allowSharedKeyAccess === false && account.minimumTlsVersion === "TLS1_2"),
    ).toBe(true);

    await emulator.admin.clearRequests();
    const replan = await planJson();
    expect(replan.changes).toEqual([]);
    expect(replan.code).toBe(0);
    expect(await armWrites()).toEqual([]);
  });

  it("shows an out-of-band change as exactly one update (exit 3), and provision fixes it", async () => {
    await storage.storageAccounts.update(GROUPS[1], "e2eacct1", { minimumTlsVersion: "TLS1_0" });
    const drift = await planJson();
    expect(drift.code).toBe(3);
    expect(drift.changes.map((change) => [change.action, change.address, change.diff.map((d) => d.path)])).toEqual([
      ["update", 'storage.account["e2eacct1"]', ["properties.minimumTlsVersion"]],
    ]);

    const fixed = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect((await storage.storageAccounts.getProperties(GROUPS[1], "e2eacct1")).minimumTlsVersion).toBe("TLS1_2");
    expect((await planJson()).code).toBe(0);
  });

  it("refuses a saved plan after an out-of-band change, and writes nothing", async () => {
    await storage.storageAccounts.update(GROUPS[2], "e2eacct2", { minimumTlsVersion: "TLS1_1" });
    const planFile = `${envFile}.plan.json`;
    const saved = await runRoot("plan", ["--env-file", envFile, "--out", planFile], { env: emulator.env("ops") });
    expect(saved.code, saved.stderr).toBe(0);
    // Someone changes another compared property of the same account after the plan was made.
    await storage.storageAccounts.update(GROUPS[2], "e2eacct2", { allowBlobPublicAccess: true });
    await emulator.admin.clearRequests();
    const refused = await runRoot("provision", ["--env-file", envFile, "--plan", planFile, "--yes"], {
      env: emulator.env("ops"),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/e2eacct2.*changed in Azure since the plan was made/);
    expect(await armWrites()).toEqual([]);
  });
});

describe("bad input", () => {
  it("an environment file with 5 errors exits 2, lists all 5, and sends nothing to Azure", async () => {
    const bad = await writeEnvironmentFile({
      ...e2eEnvironment(2),
      location: "atlantis",
      surprise: true,
      storage: {
        accounts: [
          { name: "My_Acct", resourceGroup: "rg-e2e-a" },
          { name: "e2egood", resourceGroup: "rg-missing", sku: "Cheap" },
        ],
      },
    });
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", bad, "--yes"], { env: emulator.env("ops") });
    expect(result.code).toBe(2);
    for (const expected of [
      /location: "atlantis" is not an Azure region/,
      /unknown key "surprise"/,
      /storage\.accounts\[0\]\.name: "My_Acct" must be 3-24 lowercase letters and digits/,
      /storage\.accounts\[1\]\.resourceGroup: "rg-missing" is not declared/,
      /storage\.accounts\[1\]\.sku: "Cheap" is not a storage SKU/,
    ]) {
      expect(result.stderr).toMatch(expected);
    }
    expect(await emulator.admin.requests()).toEqual([]);
  });
});
