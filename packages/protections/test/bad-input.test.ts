// Bad environment files exit 2 with a message naming the field and the fix, and nothing reaches Azure.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "@infra/cli";
import { repoRoot, runRoot, writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, startEmulator } from "@infra/emulator";
import { rootAuditCommand, rootPlanCommand, rootProvisionCommand } from "@infra/task";
import { taskList } from "@infra/tasks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { writesIn } from "./support/request-log.ts";
import { suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let dir: string;

const base = suiteEnvironment("badinput");
const account = base.storage.accounts[0] as (typeof base.storage.accounts)[number];
const withAccount = (changes: Record<string, unknown>) => ({
  ...base,
  storage: { accounts: [{ ...account, ...changes }] },
});

/** Each file, and what the message must say: the field (path) and the fix. */
const corpus: { title: string; text: string; messages: RegExp[] }[] = [
  {
    title: "malformed JSON",
    text: JSON.stringify(base).slice(0, -10),
    messages: [/environment\.json: not valid JSON/, /fix the JSON syntax/],
  },
  {
    title: "not an object at all",
    text: "[]",
    messages: [/\(top level\)/],
  },
  {
    title: "wrong types",
    text: JSON.stringify({ ...base, protected: "yes", resourceGroups: { name: "rg-x" } }),
    messages: [/protected: must be true or false/, /resourceGroups: .*array/i],
  },
  {
    title: "unknown keys (a typo)",
    text: JSON.stringify({ ...withAccount({ softDeleteDay: 14 }), storgae: {} }),
    messages: [
      /\(top level\): unknown key "storgae"; remove it or check its spelling/,
      /storage\.accounts\[0\]: unknown key "softDeleteDay"; remove it or check its spelling/,
    ],
  },
  {
    title: "invalid names",
    text: JSON.stringify({ ...withAccount({ name: "Badinput_Acct" }), name: "Bad Name" }),
    messages: [
      /name: "Bad Name" must be 2-20 lowercase letters, digits or hyphens, starting with a letter/,
      /storage\.accounts\[0\]\.name: "Badinput_Acct" must be 3-24 lowercase letters and digits/,
    ],
  },
  {
    title: "duplicate names",
    text: JSON.stringify({ ...base, storage: { accounts: [account, account] } }),
    messages: [/storage\.accounts\[1\]\.name: "badinputacct0" is declared twice \(also storage\.accounts\[0\]\)/],
  },
  {
    title: "an unknown region",
    text: JSON.stringify({ ...base, location: "westeurop" }),
    messages: [/location: "westeurop" is not an Azure region; use a name like westeurope or eastus2/],
  },
  {
    title: "too many tags",
    text: JSON.stringify({
      ...base,
      tags: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`tag${index}`, "x"])),
    }),
    messages: [/tags: has 51 tags; Azure allows at most 50 per resource/],
  },
  {
    title: "conflicting settings: public network access disabled with IP rules",
    text: JSON.stringify(withAccount({ network: { publicNetworkAccess: "Disabled", ipRules: ["203.0.113.0/24"] } })),
    messages: [
      /storage\.accounts\[0\]\.network\.ipRules: IP rules have no effect when publicNetworkAccess is Disabled; remove them or enable public access/,
    ],
  },
  {
    title: "a required tag without a value (named like an Object method)",
    text: JSON.stringify({ ...base, requiredTags: ["owner", "constructor"] }),
    messages: [/requiredTags: required tag "constructor" has no value in tags; add tags\.constructor/],
  },
  {
    title: "an account in a group the environment does not declare",
    text: JSON.stringify(withAccount({ resourceGroup: "rg-elsewhere" })),
    messages: [
      /storage\.accounts\[0\]\.resourceGroup: "rg-elsewhere" is not declared in resourceGroups; add it there first/,
    ],
  },
];

/** A root command run in-process (it fails before starting any task), with its output kept. */
async function run(command: { name: string }, argv: string[]) {
  let output = "";
  const writer = {
    write: (text: string) => {
      output += text;
      return true;
    },
  };
  const code = await runCommand(command as Parameters<typeof runCommand>[0], argv, {
    stdout: writer,
    stderr: writer,
    env: { ...process.env, ...emulator.env("ops") },
    handleSigint: false,
  });
  process.exitCode = 0; // runCommand sets it for a real process; this one is vitest's
  return { code, output };
}

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "bad-input-"));
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearRequests();
});

describe("bad environment files", () => {
  // Protection: the schema's rules, checked before anything else in each root command (loadEnvironment first). Checked:
  // without the publicNetworkAccess/ipRules rule (storage-section.ts) the "conflicting settings" file is provisioned.
  it.each(corpus)(
    "$title: provision, plan and audit exit 2 naming the field and the fix; no request is made",
    async ({ text, messages }) => {
      const path = join(dir, "environment.json");
      await writeFile(path, text);
      for (const command of [
        rootProvisionCommand(repoRoot, taskList),
        rootPlanCommand(repoRoot, taskList),
        rootAuditCommand(repoRoot, taskList),
      ]) {
        const { code, output } = await run(command, ["--env-file", path, "--yes"]);
        expect(code, output).toBe(2);
        for (const message of messages) expect(output).toMatch(message);
      }
      expect(await emulator.admin.requests()).toEqual([]);
    },
  );
});

describe("a subscription the identity cannot see", () => {
  // Protection: describeError (@infra/cli) keeps the ARM code and next step of a RestError wrapped in LiveReadError.
  // Checked: without that, the output has neither and this case fails.
  it("provision exits 1 (Azure refuses it) naming the subscription and what to do; no write is made", async () => {
    const invisible = "33333333-0000-4000-8000-000000000003";
    const envFile = await writeEnvironmentFile({ ...base, subscriptionId: invisible });
    const result = await runRoot("provision", ["--env-file", envFile, "--yes"], { env: emulator.env("ops") });
    expect(result.code, result.stderr).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      new RegExp(`SubscriptionNotFound \\(HTTP 404\\) - The subscription '${invisible}' could not be found`),
    );
    expect(output).toMatch(
      /next: this identity cannot see the subscription: fix subscriptionId in the environment file/,
    );
    expect(writesIn(await emulator.admin.requests())).toEqual([]);
  });
});
