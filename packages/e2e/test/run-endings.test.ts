// Every run ends cleanly and tells the truth: a signal stops every process of the run, an operation that never ends
// meets its deadline, a scope that is not there fails the audit, a bad flag is refused before any request.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CommandResult, runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";

let emulator: Emulator;
let defaultLro: unknown;

const ops = () => emulator.env("ops");
/** The stopped runs' lock lease: a run killed outright holds the lock until it lapses. */
const LEASE_SECONDS = 15;

function environment(name: string, accounts: number) {
  return {
    name,
    subscriptionId: SEED.subscription1,
    location: "westeurope",
    namingPrefix: name,
    tags: { owner: "platform-team" },
    resourceGroups: [{ name: `rg-${name}` }],
    storage: {
      accounts: Array.from({ length: accounts }, (_, index) => ({
        name: `${name}acct${index}`,
        resourceGroup: `rg-${name}`,
        containers: [{ name: "data" }],
      })),
    },
  };
}

/** Processes still running whose command line names `marker` (the run's environment file). */
async function processesNaming(marker: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)("ps", ["-eo", "pid=,args="]);
  return stdout
    .split("\n")
    .filter((line) => line.includes(marker) && !line.includes("ps -eo"))
    .map((line) => line.trim());
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/** Requests that reached ARM after `since` (their arrival: the log records when each ended, and how long it took). */
async function requestsArrivedAfter(since: number) {
  return (await emulator.admin.requests()).filter(
    (entry) => entry.path.startsWith("/subscriptions/") && Date.parse(entry.time) - entry.durationMs > since,
  );
}

beforeAll(async () => {
  ({ emulator } = await openE2eContext());
  defaultLro = (await emulator.admin.state()).config.lro;
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.config({ lro: defaultLro } as never);
});

describe("a signal stops every process of the run", () => {
  /** A first change is done, the others are in flight. */
  const MID_APPLY = / => done \(/;
  const midApply = (output: string) => MID_APPLY.test(output);
  it.each([
    {
      how: "SIGTERM to the root process (as a CI runner cancelling the job)",
      name: "sigterm",
      stop: { signalRoot: { when: midApply, signal: "SIGTERM" as const } },
      code: 143,
    },
    {
      how: "SIGKILL to the process group",
      name: "sigkill",
      stop: { killWhen: midApply },
      code: null,
    },
  ])("$how: nothing reaches Azure after the root exits, and a re-run converges", async ({ name, stop, code }) => {
    const envFile = await writeEnvironmentFile(environment(name, 4));
    // Every account but the first is slow to create: the stop comes while they are in flight.
    await emulator.admin.addFault({ method: "PUT", path: `/storageAccounts/${name}acct[1-3]\\?`, delayMs: 15_000 });
    const stopped = await runRoot("provision", ["--env-file", envFile, "--yes"], {
      env: { ...ops(), INFRA_APPLY_LOCK_SECONDS: String(LEASE_SECONDS) },
      ...stop,
    });
    const exitedAt = Date.now();
    expect(stopped.stderr).toMatch(MID_APPLY);
    if (code === null) expect(stopped.signal).toBe("SIGKILL");
    else {
      expect(stopped.code, stopped.stderr).toBe(code);
      expect(stopped.stderr).toMatch(/SIGTERM: stopping after in-flight work/);
    }
    // No process of the run is left, and nothing it started reaches Azure any more.
    expect(
      await eventually(
        () => processesNaming(envFile),
        (left) => left.length === 0,
      ),
    ).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await requestsArrivedAfter(exitedAt + 500)).toEqual([]);

    await emulator.admin.clearFaults();
    // SIGTERM releases the lock on the way out; SIGKILL leaves it to lapse.
    if (code === null) await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + 2) * 1000));
    const rerun = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: ops() });
    expect(rerun.code, rerun.stderr).toBe(0);
    const plan = await runRoot("plan", ["--env-file", envFile, "--detailed-exitcode"], { env: ops() });
    expect(plan.code, plan.stdout).toBe(0);
  });
});

describe("deadlines", () => {
  it("an operation that never finishes: provision exits 1 within its deadline plus a few seconds, naming it", async () => {
    const envFile = await writeEnvironmentFile(environment("neverdone", 1));
    await emulator.admin.config({
      lro: { style: "azure-async-operation", pollsBeforeDone: 100_000, retryAfterSeconds: 2 },
    });
    const started = Date.now();
    const result = await runRoot("provision", ["--env-file", envFile, "--yes", "--operation-timeout", "20s"], {
      env: ops(),
    });
    const took = Date.now() - started;
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /create storage\.account\["neverdone\w+"\]: storage: did not finish within its deadline \(20\.0s\); its operation: https:\/\/127\.0\.0\.1:\d+\/\S*operationStatuses\//,
    );
    expect(result.stdout + result.stderr).toMatch(/Azure may still finish it, and running again converges/);
    // The deadline, plus planning, the lock and the processes starting and ending: well under a minute.
    expect(took).toBeLessThan(20_000 + 40_000);
    expect(
      await eventually(
        () => processesNaming(envFile),
        (left) => left.length === 0,
      ),
    ).toEqual([]);
  });
});

describe("usage is checked before any request", () => {
  it.each([
    ["provision", ["--concurrency", "0"], /--concurrency 0: must be a whole number of at least 1/],
    ["provision", ["--concurrency", "abc"], /--concurrency abc/],
    ["provision", ["--operation-timeout", "soon"], /--operation-timeout soon: not a duration/],
    ["provision", ["--plan", "/nonexistent/plan.json"], /--plan \/nonexistent\/plan\.json/],
    ["audit", ["--subscription", "not-a-guid"], /--subscription not-a-guid: a subscription id is a GUID/],
    ["audit", ["--suppressions", "/nonexistent/s.json"], /--suppressions \/nonexistent\/s\.json: no such file/],
    [
      "audit",
      ["--output", "/nonexistent/dir/report.sarif"],
      /--output .*: the folder \/nonexistent\/dir does not exist/,
    ],
    ["audit", ["--output", "/proc"], /--output \/proc: not a regular file/],
    ["plan", ["--auth", "magic"], /--auth 'magic' is not one of/],
  ])("%s %j exits 2, and no request reaches Azure", async (command, args, message) => {
    const envFile = await writeEnvironmentFile(environment("usage", 1));
    await emulator.admin.clearRequests();
    const result = await runRoot(command, ["--env-file", envFile, ...args], { env: ops() });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await emulator.admin.requests()).toEqual([]);
  });
});

describe("an audit of something that is not there fails", () => {
  /**
   * The root command resolves the scope once: one error line, no task's crash, the subscriptions listed once, and
   * no task read anything.
   */
  async function expectOneScopeError(result: CommandResult): Promise<void> {
    expect(result.code).toBe(1);
    expect(result.stderr.match(/^error: /gm), result.stderr).toHaveLength(1);
    expect(result.stderr).not.toMatch(/Unhandled 'error' event|ERR_STREAM_WRITE_AFTER_END|^\s+at /m);
    const reads = (await emulator.admin.requests()).filter((entry) => entry.path.startsWith("/subscriptions"));
    expect(reads.filter((entry) => /^\/subscriptions\?/.test(entry.path))).toHaveLength(1);
    expect(
      reads.filter((entry) => /\/providers\/Microsoft\.(Storage|ManagedIdentity|Authorization)\//.test(entry.path)),
    ).toEqual([]);
  }

  it("--resource-group of a group that does not exist exits 1 naming the groups that do", async () => {
    await emulator.admin.clearRequests();
    const result = await runRoot("audit", ["--resource-group", "rg-typo"], { env: ops() });
    expect(result.stderr).toMatch(/resource group rg-typo does not exist in 2 subscriptions \(its groups: .*rg-legacy/);
    await expectOneScopeError(result);
  });

  it("--subscription of one the identity cannot see exits 1 naming those it can", async () => {
    await emulator.admin.clearRequests();
    const result = await runRoot("audit", ["--subscription", "33333333-0000-4000-8000-000000000003"], {
      env: ops(),
    });
    expect(result.stderr).toMatch(
      /subscription 33333333-0000-4000-8000-000000000003 is not one this identity can see \(enabled: 11111111-0000-4000-8000-000000000001, 22222222/,
    );
    await expectOneScopeError(result);
  });
});

describe("a sign-in Entra ID refuses", () => {
  it.each(["plan", "audit"])(
    "ends %s with one error naming the fix, no secret in the output, and no read of Azure",
    async (command) => {
      await emulator.admin.clearRequests();
      const args = command === "plan" ? ["--env", "local"] : ["--subscription", SEED.subscription2];
      const result = await runRoot(command, args, { env: { ...ops(), AZURE_CLIENT_SECRET: "not-the-secret" } });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        /^error: Environment: AADSTS7000215 .*AZURE_CLIENT_SECRET must be the secret's Value/m,
      );
      expect(result.stderr.match(/^error: /gm), result.stderr).toHaveLength(1);
      expect(result.stderr).not.toContain("not-the-secret");
      const log = await emulator.admin.requests();
      expect(log.filter((entry) => entry.path.startsWith("/subscriptions"))).toEqual([]);
    },
  );
});
