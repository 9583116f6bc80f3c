// Every root command, driven into each class of failure, exits with the code the README's table gives that class
// and says what went wrong on its first error line. The table the test prints is the one the README documents.
import { EnvironmentLock, lockHome, thisRun } from "@infra/arm";
import type { AzureContext } from "@infra/auth";
import { ExitCode } from "@infra/cli";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CommandResult, type RootCommandOptions, runRoot, writeEnvironmentFile } from "../src/root-command.ts";
import { openE2eContext } from "./support/e2e-context.ts";

let emulator: Emulator;
let azure: AzureContext;
let envFile: string;
let badEnvFile: string;

const environment = {
  name: "codes",
  subscriptionId: SEED.subscription1,
  location: "westeurope",
  namingPrefix: "codes",
  tags: { owner: "platform-team" },
  resourceGroups: [{ name: "rg-codes" }],
  storage: { accounts: [{ name: "codesacct0", resourceGroup: "rg-codes", containers: [{ name: "data" }] }] },
};

/** Each class of failure and the code the exit-code table gives it. */
const CODE_OF = {
  usage: ExitCode.usage,
  config: ExitCode.config,
  credential: ExitCode.credential,
  azure: ExitCode.failure,
  attention: ExitCode.needsAttention,
  declined: ExitCode.declined,
  interrupted: ExitCode.interrupted,
} as const;
type FailureClass = keyof typeof CODE_OF;

interface Case {
  command: string;
  failure: FailureClass;
  args: () => string[];
  /** The first line starting `error:` (or the outcome's line when the run did not fail). */
  says: RegExp;
  /** The whole output also says this (the cause under an apply's summary line). */
  mentions?: RegExp;
  /** ARM answers these requests with a 403 AuthorizationFailed. */
  forbidden?: { method?: string; path: string };
  /** ARM holds these reads for a while, so the signal arrives mid-run. */
  slow?: string;
  env?: () => Record<string, string>;
  /** Sets the scene; what it returns puts it back. */
  arrange?: () => Promise<() => Promise<void>>;
  run?: Partial<RootCommandOptions>;
}

const withEnv =
  (...args: string[]) =>
  () => ["--env-file", envFile, ...args];
const withBadEnv = () => ["--env-file", badEnvFile];
/** A tenant the sign-in authority does not know: no credential can be had. */
const unknownTenant = () => ({ ...emulator.env("ops"), AZURE_TENANT_ID: "99999999-0000-4000-8000-000000000009" });
const onTerminal = (when: RegExp) => ({ terminal: { when, answer: "no" } });
/** Ctrl-C reaches the root command once its tasks have signed in (the reads after that are slow). */
const interruptedOnceSignedIn = {
  signalRoot: { when: (output: string) => /auth => .* signed in as /.test(output), signal: "SIGINT" as const },
};
const ASKS = /Only "yes" is accepted: /;

/** Another run holds the environment's lock (as ops, from this process), until put back. */
async function lockHeldElsewhere(): Promise<() => Promise<void>> {
  const home = lockHome(environment, SEED.subscription1);
  if (!home) throw new Error("the environment has no lock home");
  const lock = new EnvironmentLock({ azure, environment: environment.name, home, leaseSeconds: 60 });
  await lock.acquire(thisRun("ops", "provision", {}));
  return () => lock.release();
}

const cases: Case[] = [
  // plan
  { command: "plan", failure: "usage", args: withEnv("--nonsense"), says: /unknown option '--nonsense'/i },
  { command: "plan", failure: "config", args: withBadEnv, says: /problem\(s\) in the environment/ },
  {
    command: "plan",
    failure: "credential",
    args: withEnv(),
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "plan",
    failure: "azure",
    args: withEnv(),
    forbidden: { method: "GET", path: "/storageAccounts/codesacct0" },
    says: /could not read live Microsoft\.Storage/,
    mentions: /AuthorizationFailed/,
  },
  {
    command: "plan",
    failure: "attention",
    args: withEnv("--detailed-exitcode"),
    says: /^Plan: \d+ to create/,
  },
  {
    command: "plan",
    failure: "interrupted",
    args: withEnv(),
    slow: "/resourcegroups/rg-codes\\?",
    says: /SIGINT/,
    run: interruptedOnceSignedIn,
  },
  // provision
  { command: "provision", failure: "usage", args: withEnv("--concurrency", "0"), says: /--concurrency 0/ },
  { command: "provision", failure: "config", args: withBadEnv, says: /problem\(s\) in the environment/ },
  {
    command: "provision",
    failure: "credential",
    args: withEnv("--yes"),
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "provision",
    failure: "azure",
    args: withEnv("--yes"),
    forbidden: { method: "PUT", path: "/containers/more\\?" },
    says: /1 change\(s\) failed/,
    mentions: /AuthorizationFailed/,
  },
  { command: "provision", failure: "declined", args: withEnv(), says: /declined/, run: onTerminal(ASKS) },
  {
    command: "provision",
    failure: "interrupted",
    args: withEnv("--yes"),
    slow: "/resourcegroups/rg-codes\\?",
    says: /SIGINT/,
    run: interruptedOnceSignedIn,
  },
  // destroy
  {
    command: "destroy",
    failure: "usage",
    args: withEnv("--operation-timeout", "soon"),
    says: /--operation-timeout soon/,
  },
  { command: "destroy", failure: "config", args: withBadEnv, says: /problem\(s\) in the environment/ },
  {
    command: "destroy",
    failure: "credential",
    args: withEnv("--yes"),
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "destroy",
    failure: "azure",
    args: withEnv("--yes"),
    forbidden: { method: "DELETE", path: "^/subscriptions/" },
    says: /change\(s\) failed/,
    mentions: /AuthorizationFailed/,
  },
  { command: "destroy", failure: "declined", args: withEnv(), says: /declined/, run: onTerminal(ASKS) },
  {
    command: "destroy",
    failure: "interrupted",
    args: withEnv("--yes"),
    slow: "/resourcegroups/rg-codes\\?",
    says: /SIGINT/,
    run: interruptedOnceSignedIn,
  },
  // audit
  { command: "audit", failure: "usage", args: withEnv("--fail-on", "loud"), says: /--fail-on/ },
  { command: "audit", failure: "config", args: withBadEnv, says: /problem\(s\) in the environment/ },
  {
    command: "audit",
    failure: "credential",
    args: () => [],
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "audit",
    failure: "azure",
    args: () => ["--resource-group", "rg-typo"],
    says: /rg-typo does not exist/,
  },
  { command: "audit", failure: "attention", args: () => ["--fail-on", "low"], says: /finding/ },
  {
    command: "audit",
    failure: "interrupted",
    args: () => [],
    slow: "/providers/Microsoft.Storage/storageAccounts\\?",
    says: /SIGINT/,
    run: interruptedOnceSignedIn,
  },
  // unlock
  { command: "unlock", failure: "usage", args: withEnv("--nonsense"), says: /unknown option '--nonsense'/i },
  { command: "unlock", failure: "config", args: withBadEnv, says: /problem\(s\) in the environment/ },
  {
    command: "unlock",
    failure: "credential",
    args: withEnv(),
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "unlock",
    failure: "azure",
    args: withEnv(),
    forbidden: { method: "GET", path: "/containers/apply-lock\\?" },
    says: /AuthorizationFailed/,
  },
  {
    command: "unlock",
    failure: "declined",
    args: withEnv(),
    says: /declined/,
    arrange: lockHeldElsewhere,
    run: onTerminal(/Only "yes" is accepted: /),
  },
  // whoami
  { command: "whoami", failure: "usage", args: () => ["--nonsense"], says: /unknown option '--nonsense'/i },
  {
    command: "whoami",
    failure: "credential",
    args: () => [],
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  // bootstrap:github
  { command: "bootstrap:github", failure: "usage", args: withEnv(), says: /--repo/ },
  {
    command: "bootstrap:github",
    failure: "config",
    args: () => [...withBadEnv(), "--repo", "acme/infra"],
    says: /problem\(s\) in the environment/,
  },
  {
    command: "bootstrap:github",
    failure: "credential",
    args: withEnv("--repo", "acme/infra", "--no-gh"),
    env: unknownTenant,
    says: /no Azure credential is available/,
    mentions: /AADSTS90002/,
  },
  {
    command: "bootstrap:github",
    failure: "azure",
    args: withEnv("--repo", "acme/infra", "--no-gh", "--yes"),
    forbidden: { method: "PUT", path: "^/subscriptions/" },
    says: /change\(s\) failed/,
    mentions: /AuthorizationFailed/,
  },
  {
    command: "bootstrap:github",
    failure: "declined",
    args: withEnv("--repo", "acme/infra", "--no-gh"),
    says: /declined/,
    run: onTerminal(ASKS),
  },
  // rehearse (runs its own emulator: usage is what the person can get wrong)
  { command: "rehearse", failure: "usage", args: () => ["--workflow", "deploy"], says: /--workflow/ },
];

/** The first `error:` line, or else the first line that is not a log line. */
function firstMessageLine(result: CommandResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split("\n").map((line) => line.replace(/\r$/, ""));
  return (
    lines.find((line) => line.startsWith("error: ")) ??
    lines.find((line) => /^(Plan:|SIGINT|\d+ finding|No findings|Audit)/.test(line)) ??
    lines.find((line) => line.trim() !== "" && !/\binfo\b|\bwarn\b|\bdebug\b/.test(line)) ??
    ""
  );
}

const observed = new Map<string, number | null>();

beforeAll(async () => {
  ({ emulator, azure } = await openE2eContext());
  envFile = await writeEnvironmentFile(environment);
  badEnvFile = await writeEnvironmentFile({ ...environment, namingPrefix: "Codes!" });
  // The environment exists, with its lock account: unlock and destroy have something to act on.
  const made = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
  expect(made.code, made.stderr).toBe(0);
  // A change is pending: plan --detailed-exitcode has something to report, provision something to ask about.
  envFile = await writeEnvironmentFile({
    ...environment,
    storage: { accounts: [{ ...environment.storage.accounts[0], containers: [{ name: "data" }, { name: "more" }] }] },
  });
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});
afterAll(async () => {
  await emulator?.close();
  const classes = Object.keys(CODE_OF) as FailureClass[];
  const commands = [...new Set(cases.map((entry) => entry.command))];
  const rows = commands.map(
    (command) =>
      `| ${command.padEnd(16)} | ${classes.map((failure) => String(observed.get(`${command} ${failure}`) ?? "-").padEnd(11)).join(" | ")} |`,
  );
  console.log(
    [`| ${"command".padEnd(16)} | ${classes.map((failure) => failure.padEnd(11)).join(" | ")} |`, ...rows].join("\n"),
  );
});

describe("exit codes per root command and failure class, as the README's table says", () => {
  it.each(cases)("$command, $failure: exits with the code of its class", async (entry) => {
    if (entry.forbidden) {
      await emulator.admin.addFault({ ...entry.forbidden, status: 403, code: "AuthorizationFailed" });
    }
    if (entry.slow) await emulator.admin.addFault({ method: "GET", path: entry.slow, delayMs: 20_000 });
    const restore = await entry.arrange?.();
    await emulator.admin.clearRequests();
    const result = await runRoot(entry.command, entry.args(), {
      env: entry.env?.() ?? emulator.env("ops"),
      ...entry.run,
    }).finally(() => restore?.());
    observed.set(`${entry.command} ${entry.failure}`, result.code);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(CODE_OF[entry.failure]);
    expect(firstMessageLine(result)).toMatch(entry.says);
    if (entry.mentions) expect(`${result.stdout}\n${result.stderr}`).toMatch(entry.mentions);
    // Whatever went wrong, nothing was written to Azure but the lock's own bookkeeping.
    const writes = (await emulator.admin.requests()).filter(
      (request) =>
        ["PUT", "PATCH", "DELETE"].includes(request.method) &&
        request.status < 400 &&
        !/\/containers\/apply-lock\b/.test(request.path),
    );
    expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([]);
  });
});
