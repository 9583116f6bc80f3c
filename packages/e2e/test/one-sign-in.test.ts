// A root command signs in once and hands its token to the task processes over the loopback task session: a run asks
// Entra ID for one token, not one per task, and a task process that was handed a token never loads @azure/identity
// (about 260 ms of every task's start). An audit's tasks all run in one process, the task list's audit host.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { moduleLoadRecorder, recordedLoads } from "@infra/task/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot } from "../src/root-command.ts";

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "one-sign-in-"));
});

afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("pnpm run audit", () => {
  it("asks for one token, and its one task process uses it for every task without loading @azure/identity", async () => {
    const recorder = await moduleLoadRecorder(dir);
    await emulator.admin.clearRequests();

    const result = await runRoot("audit", ["--subscription", SEED.subscription2], {
      env: { ...emulator.env("ops"), NODE_OPTIONS: `--import ${recorder}` },
    });
    expect(result.stderr).not.toContain(emulator.env("ops").AZURE_CLIENT_SECRET);
    expect(result.code, result.stderr).toBe(0);
    // Said once, by the root, not once per task process.
    expect(result.stderr.match(/signed in as/g), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(/^info {2}auth => Environment signed in as service principal app /m);

    const log = await emulator.admin.requests();
    const tokenRequests = log.filter((entry) => entry.method === "POST" && /\/oauth2\/v2\.0\/token/.test(entry.path));
    expect(tokenRequests).toHaveLength(1);
    // The root resolved the audit's scope once, with that token...
    expect(log.filter((entry) => entry.path.startsWith("/subscriptions?")).length).toBe(1);
    // ...and every task read Azure with it.
    for (const read of [
      /\/providers\/Microsoft\.Storage\/storageAccounts\?/,
      /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\?/,
      /\/resourcegroups\?/i,
    ]) {
      expect(
        log.some((entry) => read.test(entry.path) && entry.path.includes(SEED.subscription2)),
        String(read),
      ).toBe(true);
    }

    const processes = await recordedLoads(dir);
    // One process answered for the three tasks: the task list's audit host, not one process per task package.
    expect(processes.filter(({ argv }) => argv.some((word) => word.endsWith("src/main.ts")))).toEqual([]);
    const tasks = processes.filter(({ argv }) => argv.some((word) => word.endsWith("tasks/src/audit.ts")));
    expect(tasks).toHaveLength(1);
    expect(result.stderr.match(/^@infra\/tasks:audit: info {2}\S+ audit => /gm)?.length, result.stderr).toBe(3);
    for (const task of tasks) {
      expect(task.loaded.filter((url) => /@azure\/(identity|msal-node)\//.test(url))).toEqual([]);
      // One SDK pipeline per process: no client pulled in the CommonJS copies of the core packages (their ES builds
      // load `state-cjs.js` by design, to share state with such a copy).
      const commonJsCore = /@azure\/core-[a-z-]+\/dist\/commonjs\/(?!state-cjs\.js$)/;
      expect(task.loaded.filter((url) => commonJsCore.test(url))).toEqual([]);
      // The control: the task did load the HTTP pipeline and an ARM client, so the recorder saw its imports.
      expect(task.loaded.some((url) => url.includes("@azure/core-rest-pipeline"))).toBe(true);
    }
    // The root is the one process that signed in.
    const root = processes.find(({ argv }) => argv.some((word) => word.endsWith("scripts/infra.ts")));
    expect(root?.loaded.some((url) => url.includes("@azure/identity"))).toBe(true);
  }, 120_000);
});
