// A SIGKILL mid-apply converges on re-run; --prune and destroy touch only what this repo owns.
import type { StorageManagementClient } from "@azure/arm-storage";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";
import { e2eEnvironment, GROUPS } from "./support/e2e-environment.ts";

let emulator: Emulator;
let storage: StorageManagementClient;
let envFile: string;

async function accountNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const account of storage.storageAccounts.list()) names.push(account.name ?? "");
  return names.sort();
}

const legacy = () => storage.storageAccounts.getProperties(SEED.legacyResourceGroup, "legacydata001");

beforeAll(async () => {
  ({ emulator, storage, envFile } = await openE2eContext());
});
afterAll(async () => {
  await emulator?.close();
});

describe("crash safety", () => {
  it("a provision killed with SIGKILL mid-apply converges on re-run: no duplicates, brownfield untouched", async () => {
    const legacyBefore = await legacy();
    // Account creates take a poll and a second, so the kill lands while some are still running. On a fast machine all
    // ten creates can finish in the same poll round, so five are held back: they cannot exist when the first is done.
    await emulator.admin.config({ lro: { pollsBeforeDone: 1, retryAfterSeconds: 1 } });
    await emulator.admin.addFault({ method: "PUT", path: "/storageAccounts/e2eacct[5-9]\\?", delayMs: 15_000 });
    const killed = await runRoot("provision", ["--env-file", envFile, "--yes"], {
      env: emulator.env("ops"),
      killWhen: (stderr) => /create storage\.account\[[^\]]+\] => done/.test(stderr),
    });
    expect(killed.signal).toBe("SIGKILL");
    const partial = (await accountNames()).filter((name) => name.startsWith("e2eacct"));
    expect(partial.length).toBeLessThan(10); // the kill really interrupted the apply
    expect(partial).not.toContain("e2eacct9");

    await emulator.admin.clearFaults();
    await emulator.admin.config({ lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 } });
    const rerun = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    expect(rerun.code, rerun.stderr).toBe(0);
    const replan = await runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: emulator.env("ops") });
    expect(replan.code, replan.stdout).toBe(0);

    const names = await accountNames();
    expect(names.filter((name) => name.startsWith("e2eacct"))).toEqual(
      Array.from({ length: 10 }, (_, index) => `e2eacct${index}`).sort(),
    );
    expect(names).toContain("legacydata001");
    expect(await legacy()).toEqual(legacyBefore);
  });
});

describe("ownership guards", () => {
  it("--prune deletes the owned account removed from the configuration, and nothing else", async () => {
    const without4 = await writeEnvironmentFile(e2eEnvironment(10, ["e2eacct4"]));
    const plan = await runRoot("plan", ["--env-file", without4, "--prune", "--json"], { env: emulator.env("ops") });
    const deletes = (JSON.parse(plan.stdout) as { changes: { action: string; id: string }[] }).changes.filter(
      (change) => change.action === "delete",
    );
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((change) => /\/storageAccounts\/e2eacct4(\/|$)/i.test(change.id))).toBe(true);

    const pruned = await runRoot("provision", ["--env-file", without4, "--prune", "--yes"], {
      env: emulator.env("ops"),
    });
    expect(pruned.code, pruned.stderr).toBe(0);
    const names = await accountNames();
    expect(names).not.toContain("e2eacct4");
    expect(names.filter((name) => name.startsWith("e2eacct"))).toHaveLength(9);
    expect(names).toContain("legacydata001");
  });

  it("destroy is refused before its first delete when a group holds an account it does not own", async () => {
    await storage.storageAccounts.beginCreateAndWait(GROUPS[0], "handmade01", {
      location: "westeurope",
      sku: { name: "Standard_LRS" },
      kind: "StorageV2",
    });
    const legacyBefore = await legacy();
    await emulator.admin.clearRequests();
    const destroyed = await runRoot("destroy", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    // The group holding someone else's account cannot go, so nothing goes: the plan names the reason.
    expect(destroyed.code).toBe(1);
    expect(destroyed.stdout).toMatch(/rg-e2e-a.*would also delete 1 thing\(s\) environment "e2e" does not own/s);
    expect(destroyed.stdout).toMatch(/handmade01/);
    const writes = (await emulator.admin.requests()).filter((entry) =>
      ["PUT", "PATCH", "DELETE"].includes(entry.method),
    );
    expect(writes).toEqual([]);

    const names = await accountNames();
    expect(names.filter((name) => name.startsWith("e2eacct"))).toHaveLength(9);
    expect(names).toEqual(expect.arrayContaining(["handmade01", "legacydata001"]));
    expect(await legacy()).toEqual(legacyBefore);
  });
});
