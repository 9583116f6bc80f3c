// The tools against Azure's eventual consistency (the emulator's realism mode, at 1/20 of Azure's delays): an identity
// and a role for it made in one apply, the principal still replicating when the role is assigned; storage accounts
// that take seconds and refuse writes meanwhile; lists that lag behind creates. Provision, the GitHub bootstrap, audit
// and destroy each converge in one run, retrying only what Azure documents as "not yet".
import { type Emulator, type RequestLogEntry, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot, writeEnvironmentFile } from "../src/root-command.ts";

let emulator: Emulator;
let envFile: string;

const TIME_SCALE = 0.05;
const environment = {
  name: "real",
  subscriptionId: SEED.subscription1,
  location: "westeurope",
  namingPrefix: "real",
  tags: { owner: "platform-team" },
  resourceGroups: [{ name: "rg-real" }],
  managedIdentities: { identities: [{ name: "id-app", resourceGroup: "rg-real" }] },
  storage: {
    accounts: [
      {
        name: "realacct0",
        resourceGroup: "rg-real",
        containers: [{ name: "data" }],
        roleAssignments: [{ identity: "id-app", role: "Storage Blob Data Reader" }],
      },
    ],
  },
};

const ops = () => emulator.env("ops");
const assignmentPuts = (log: readonly RequestLogEntry[]) =>
  log.filter((entry) => entry.method === "PUT" && /\/roleAssignments\/[^/?]+\?/.test(entry.path));

/** Plans until Azure's lists have caught up: the plan is then exactly "nothing to do". */
async function settledPlan(): Promise<{ code: number | null; last: string }> {
  let result = await runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: ops() });
  for (let tries = 0; result.code !== 0 && tries < 5; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    result = await runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: ops() });
  }
  return { code: result.code, last: result.stdout.trim().split("\n").at(-1) ?? "" };
}

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      // As Azure at 1/20 speed, and strict about replication whatever the principalType (see docs/emulator.md).
      // Replication of a few minutes (6 s here) outlasts the storage account create the grant waits for.
      realism: {
        profile: "azure",
        timeScale: TIME_SCALE,
        principalReplicationMs: 120_000,
        principalTypeSkipsLookup: false,
      },
    },
  });
  envFile = await writeEnvironmentFile(environment);
});
afterAll(async () => {
  await emulator?.close();
});

describe("under --realism azure", () => {
  it("provision creates an identity and grants it a role in one apply: PrincipalNotFound is retried until it replicates", async () => {
    await emulator.admin.clearRequests();
    const result = await runRoot("provision", ["--env-file", envFile, "--yes", "--verbose"], { env: ops() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/principal of \/subscriptions\/.+\/userAssignedIdentities\/id-app/);

    const log = await emulator.admin.requests();
    const puts = assignmentPuts(log);
    // Refused while the identity's principal replicates, then created: the same assignment, once.
    expect(puts.map((entry) => entry.status)).toContain(400);
    expect(
      puts.filter((entry) => entry.status === 400).every((entry) => entry.realism?.startsWith("principal replicates")),
    ).toBe(true);
    expect(new Set(puts.map((entry) => entry.path)).size).toBe(1);
    expect(puts.at(-1)?.status).toBe(201);
    expect(result.stderr).toMatch(
      /retry => create storage\.role-assignment\["realacct0\/Storage Blob Data Reader\/id-app"\]: 400 PrincipalNotFound \(the directory has not replicated the principal yet\); attempt 2 in \d+s/,
    );
    expect(await settledPlan()).toEqual({ code: 0, last: "No changes. Azure matches the configuration." });
  });

  it("the GitHub bootstrap converges in one run, and once the lists catch up a second finds nothing to do", async () => {
    const args = ["--env-file", envFile, "--repo", "acme/infra", "--no-gh", "--yes", "--verbose"];
    const first = await runRoot("bootstrap:github", args, { env: ops() });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/retry => create github-oidc\.role\[.*: 400 PrincipalNotFound/);
    await new Promise((resolve) => setTimeout(resolve, 30_000 * TIME_SCALE + 500));
    const again = await runRoot("bootstrap:github", args, { env: ops() });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/No changes/);
  });

  it("the audit reads everything in one run", async () => {
    const result = await runRoot("audit", ["--env-file", envFile, "--json"], { env: ops() });
    expect([0, 3], result.stderr).toContain(result.code);
    const report = JSON.parse(result.stdout) as { findings: { status: string }[] };
    expect(report.findings.filter((finding) => finding.status === "error")).toEqual([]);
  });

  it("destroy removes the environment in one run", async () => {
    const result = await runRoot("destroy", ["--env-file", envFile, "--yes"], { env: ops() });
    expect(result.code, result.stderr).toBe(0);
    const plan = await runRoot("plan", ["--env-file", envFile], { env: ops() });
    expect(plan.stdout).toMatch(/Plan: \d+ to create, 0 to update, 0 to delete\./);
  });
});
