// One apply per environment across every machine: the lock lives in Azure (a lease on the environment's lock
// container), so two checkouts with nothing local in common still exclude each other; a killed holder's lock lapses
// or is broken on purpose with `pnpm run unlock`, and the next run converges.
import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CommandResult, repoRoot, runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";

let emulator: Emulator;
let envFile: string;

/** The lease of runs that are killed and left to lapse; the others hold the default minute. */
const LAPSING_LEASE_SECONDS = "15";
const environment = {
  name: "race",
  subscriptionId: SEED.subscription1,
  location: "westeurope",
  namingPrefix: "race",
  tags: { owner: "platform-team" },
  resourceGroups: [{ name: "rg-race" }],
  storage: {
    accounts: [
      { name: "raceacct0", resourceGroup: "rg-race", containers: [{ name: "data" }] },
      { name: "raceacct1", resourceGroup: "rg-race", containers: [{ name: "data" }] },
    ] as { name: string; resourceGroup: string; containers: { name: string }[] }[],
  },
};

/**
 * A second checkout of the repository: every file hard-linked (node_modules' links are relative, so they resolve
 * inside the copy), its own HOME and TMPDIR. Nothing on disk is shared with the first but the file contents.
 */
async function cloneCheckout(): Promise<{ dir: string; home: string }> {
  const dir = await mkdtemp(join(tmpdir(), "e2e-clone-"));
  const entries = (await readdir(repoRoot)).filter((name) => name !== ".git");
  // Other suites running at the same time write and remove files in the checkout (a rehearsal's saved plans, turbo
  // logs); cp copies everything else and reports those as vanished, which a copy of the checkout can do without.
  await promisify(execFile)("cp", ["-al", ...entries.map((name) => join(repoRoot, name)), dir]).catch(
    (error: { stderr?: string }) => {
      const problems = (error.stderr ?? "").split("\n").filter((line) => line.trim() !== "");
      if (problems.length === 0 || !problems.every((line) => line.includes("No such file or directory"))) throw error;
    },
  );
  return { dir, home: await mkdtemp(join(tmpdir(), "e2e-home-")) };
}

const WRITE = new Set(["PUT", "PATCH", "DELETE"]);

async function requestsBy(principal: string) {
  return (await emulator.admin.requests()).filter((entry) => entry.principal === principal);
}

/** A provision of the environment as one identity, from one checkout, with its own HOME and TMPDIR. */
function provisionAs(
  identity: string,
  checkout: { dir?: string; home: string },
  options: { kill?: (stderr: string) => boolean; leaseSeconds?: string } = {},
) {
  const { kill, leaseSeconds } = options;
  return runRoot("provision", ["--env-file", envFile, "--yes"], {
    env: {
      ...emulator.env(identity),
      HOME: checkout.home,
      TMPDIR: checkout.home,
      ...(leaseSeconds ? { INFRA_APPLY_LOCK_SECONDS: leaseSeconds } : {}),
    },
    ...(checkout.dir ? { cwd: checkout.dir } : {}),
    ...(kill ? { killWhen: kill } : {}),
  });
}

async function pending(): Promise<string> {
  const result = await runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: emulator.env("ops") });
  return `${result.code} ${result.stdout.trim().split("\n").at(-1)}`;
}

beforeAll(async () => {
  ({ emulator } = await openE2eContext());
  // The environment exists (with its lock account) before the race: the race is about a change to it.
  const first = await writeEnvironmentFile({
    ...environment,
    storage: { accounts: environment.storage.accounts.slice(0, 1) },
  });
  const made = await runRoot("provision", ["--env-file", first, "--yes"], { env: emulator.env("ops") });
  expect(made.code, made.stderr).toBe(0);
  envFile = await writeEnvironmentFile(environment);
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});

describe("the environment's apply lock", () => {
  it("two checkouts with different HOME and TMPDIR at once: exactly one applies, the other names it and writes nothing", async () => {
    const clone = await cloneCheckout();
    const here = { home: await mkdtemp(join(tmpdir(), "e2e-home-")) };
    // A first run in a fresh checkout and TMPDIR is slower to start (turbo and tsx fill their caches): warm both, so
    // the race starts level and neither plans only after the other has finished.
    for (const [identity, checkout] of [
      ["github", clone],
      ["ops", here],
    ] as const) {
      const warm = await runRoot("plan", ["--env-file", envFile], {
        env: { ...emulator.env(identity), HOME: checkout.home, TMPDIR: checkout.home },
        ...("dir" in checkout ? { cwd: checkout.dir } : {}),
      });
      expect(warm.code, warm.stderr).toBe(0);
    }
    // The account create takes long enough that whichever run takes the lock still holds it when the other asks, even
    // when a loaded machine starts the second run's processes many seconds after the first's.
    await emulator.admin.addFault({ method: "PUT", path: "/storageAccounts/raceacct1\\?", delayMs: 30_000 });
    await emulator.admin.clearRequests();
    const [a, b] = await Promise.all([provisionAs("ops", here), provisionAs("github", clone)]);
    const outcomes = [
      { identity: "ops", appId: SEED.ops.clientId, result: a },
      { identity: "github", appId: SEED.github.clientId, result: b },
    ];
    const winner = outcomes.find((outcome) => outcome.result.code === 0);
    const loser = outcomes.find((outcome) => outcome.result.code !== 0);
    expect(winner, outcomes.map((outcome) => outcome.result.stderr).join("\n----\n")).toBeDefined();
    expect(loser?.result.code).toBe(1);
    expect(loser?.result.stderr).toMatch(
      new RegExp(
        `environment "race" is being changed by provision by service principal app ${winner?.appId} on .+ \\(pid \\d+\\), since .+; nothing was changed`,
      ),
    );
    const loserRequests = await requestsBy(loser?.identity ?? "");
    expect(loserRequests.filter((entry) => WRITE.has(entry.method))).toEqual([]);
    expect(
      loserRequests
        .filter((entry) => entry.method === "POST" && /\/lease\?/.test(entry.path))
        .map((entry) => entry.status),
    ).toEqual([409]);
    // The winner's writes: each resource once (the lock's own container aside: it names, then clears, its holder).
    const winnerWrites = (await requestsBy(winner?.identity ?? "")).filter(
      (entry) => WRITE.has(entry.method) && !/\/containers\/apply-lock\?/.test(entry.path),
    );
    const paths = winnerWrites.map((entry) => `${entry.method} ${entry.path.replace(/\?.*$/, "")}`);
    expect(new Set(paths).size).toBe(paths.length);
    expect(await pending()).toBe("0 No changes. Azure matches the configuration.");
  });

  /**
   * A provision killed (the whole process group, SIGKILL) in the middle of its apply: a new container in each account,
   * one of them slow, and the kill as soon as the other is done. The lock is held and nothing releases it.
   */
  async function killedMidApply(container: string, leaseSeconds?: string): Promise<CommandResult> {
    for (const account of environment.storage.accounts) account.containers.push({ name: container });
    envFile = await writeEnvironmentFile(environment);
    const slow = `/storageAccounts/raceacct1/blobServices/default/containers/${container}\\?`;
    // The slow create answers 503 when it ends (the faults are cleared right after the kill), so the request the
    // killed run left in flight never lands: what it did not finish is still to do, and doing it needs the lock.
    await emulator.admin.addFault({ method: "PUT", path: slow, delayMs: 20_000, status: 503 });
    const killed = await provisionAs(
      "ops",
      { home: await mkdtemp(join(tmpdir(), "e2e-home-")) },
      { kill: (stderr) => / => done \(/.test(stderr), ...(leaseSeconds ? { leaseSeconds } : {}) },
    );
    await emulator.admin.clearFaults();
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    return killed;
  }

  it("after kill -9 of the holder the next run is refused; `pnpm run unlock` breaks the lock, naming it; a re-run converges", async () => {
    await killedMidApply("late");
    const refused = await provisionAs("ops", { home: await mkdtemp(join(tmpdir(), "e2e-home-")) });
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/environment "race" is being changed by provision by service principal app/);

    const unlocked = await runRoot("unlock", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toMatch(/Broke the lock on race held by provision by service principal app .+ since /);

    const rerun = await provisionAs("ops", { home: await mkdtemp(join(tmpdir(), "e2e-home-")) });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await pending()).toBe("0 No changes. Azure matches the configuration.");
  });

  it("after kill -9 of the holder the lock lapses by itself within its lease", async () => {
    await killedMidApply("later", LAPSING_LEASE_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, (Number(LAPSING_LEASE_SECONDS) + 2) * 1000));
    const rerun = await provisionAs("ops", { home: await mkdtemp(join(tmpdir(), "e2e-home-")) });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await pending()).toBe("0 No changes. Azure matches the configuration.");
  });
});
