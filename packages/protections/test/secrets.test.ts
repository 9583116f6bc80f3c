// No secret the emulator issued appears in any output, report, plan file or GitHub summary/output file,
// with --verbose and in GitHub Actions mode; and no command fetches storage account keys.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StorageManagementClient } from "@azure/arm-storage";
import { connectAzure } from "@infra/auth";
import { type CommandResult, runRoot, writeEnvironmentFile } from "@infra/e2e/root-command";
import { type Emulator, type RequestLogEntry, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let dir: string;

/** Everything a person or a CI log could see: name -> text. */
const seen = new Map<string, string>();
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/;

function keep(name: string, result: CommandResult): CommandResult {
  seen.set(`${name} stdout`, result.stdout);
  seen.set(`${name} stderr`, result.stderr);
  return result;
}

/** The environment GitHub Actions gives a step: OIDC request variables, summary and output files. */
async function actionsEnv(): Promise<Record<string, string>> {
  const summary = join(dir, "step-summary.md");
  const output = join(dir, "github-output.txt");
  await writeFile(summary, "");
  await writeFile(output, "");
  return {
    ...emulator.env("github"),
    GITHUB_ACTIONS: "true",
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "protections-secrets-"));
});
afterAll(async () => {
  await emulator?.close();
});

describe("secrets in output", () => {
  // The SDKs' own log sanitizing and our code paths keep this clean even without @infra/cli's redaction (checked:
  // with redactingWriter passing text through, it still passes); the last case is the one that needs the redaction.
  // The commands run as steps of one story (each step its own test, so a slow machine gets a timeout per step); the
  // check over everything they printed comes last.
  describe("every root command, --verbose, as a client-secret identity and as GitHub Actions OIDC", () => {
    let envFile: string;
    let planFile: string;
    let actions: Record<string, string>;
    let commandLog: RequestLogEntry[] = [];
    let destroyLog: RequestLogEntry[] = [];
    const keys: string[] = [];

    beforeAll(async () => {
      envFile = await writeEnvironmentFile(suiteEnvironment("secrets"));
      planFile = join(dir, "plan.json");
      actions = await actionsEnv();
    });

    it("a client-secret identity (a laptop or a secret-based pipeline) runs whoami and plan", async () => {
      const whoami = keep("whoami (secret)", await runRoot("whoami", ["--verbose"], { env: emulator.env("ops") }));
      expect(whoami.code, whoami.stderr).toBe(0);
      const plan = keep(
        "plan (secret)",
        await runRoot("plan", ["--env-file", envFile, "--verbose"], { env: emulator.env("ops") }),
      );
      expect(plan.code, plan.stderr).toBe(0);
    });

    it("GitHub Actions OIDC, as the provision workflow runs: whoami, plan --out, provision", async () => {
      const whoami = keep("whoami", await runRoot("whoami", ["--verbose"], { env: actions }));
      expect(whoami.code, whoami.stderr).toBe(0);
      const plan = keep(
        "plan",
        await runRoot("plan", ["--env-file", envFile, "--out", planFile, "--verbose"], { env: actions }),
      );
      expect(plan.code, plan.stderr).toBe(0);
      const provision = keep(
        "provision",
        await runRoot("provision", ["--env-file", envFile, "--yes", "--verbose"], { env: actions }),
      );
      expect(provision.code, provision.stderr).toBe(0);
    });

    it("audit writes every report format", async () => {
      for (const format of ["table", "json", "sarif", "markdown", "junit"]) {
        const report = join(dir, `audit.${format}`);
        const args = ["--env-file", envFile, "--format", format, "--output", report, "--verbose"];
        const result = keep(`audit ${format}`, await runRoot("audit", args, { env: actions }));
        expect([0, 3], result.stderr).toContain(result.code);
        seen.set(`audit report ${format}`, await readFile(report, "utf8"));
      }
      commandLog = await emulator.admin.requests();
    });

    it("destroy removes the environment", async () => {
      // The keys the emulator holds for every account in the subscription (the test may fetch them; commands may
      // not), read while the environment's accounts still exist.
      const azure = await connectAzure({ task: "protections", env: emulator.env("ops") });
      const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
      for await (const account of storage.storageAccounts.list()) {
        const group = account.id?.split("/")[4] ?? "";
        const listed = await storage.storageAccounts.listKeys(group, account.name ?? "");
        keys.push(...(listed.keys ?? []).map((key) => key.value ?? "").filter((value) => value.length > 0));
      }
      expect(keys.length).toBeGreaterThanOrEqual(6); // the seed's legacy account and this environment's three

      await emulator.admin.clearRequests();
      const destroy = keep(
        "destroy",
        await runRoot("destroy", ["--env-file", envFile, "--yes", "--verbose"], { env: actions }),
      );
      expect(destroy.code, destroy.stderr).toBe(0);
      destroyLog = await emulator.admin.requests();
    });

    it("leaks nothing: no secret in any output, report, plan file or GitHub file, and no key is fetched", async () => {
      seen.set("saved plan", await readFile(planFile, "utf8"));
      seen.set("GITHUB_STEP_SUMMARY", await readFile(actions.GITHUB_STEP_SUMMARY as string, "utf8"));
      seen.set("GITHUB_OUTPUT", await readFile(actions.GITHUB_OUTPUT as string, "utf8"));
      expect(seen.get("GITHUB_STEP_SUMMARY")).toMatch(/\S/); // the summary was really written
      expect(seen.get("GITHUB_OUTPUT")).toMatch(/\S/);

      const secrets = [
        ["client secret", SEED.ops.secret],
        ["GitHub ID-token request token", actions.ACTIONS_ID_TOKEN_REQUEST_TOKEN as string],
        ...keys.map((key) => ["storage account key", key]),
      ] as const;
      const leaks: string[] = [];
      for (const [where, text] of seen) {
        if (JWT.test(text)) leaks.push(`${where}: a JWT (access token, GitHub ID token or client assertion)`);
        for (const [what, value] of secrets) if (text.includes(value)) leaks.push(`${where}: the ${what}`);
      }
      expect(leaks).toEqual([]);
      expect(seen.size).toBeGreaterThan(25);

      // Account keys are never fetched: no command calls listKeys (or regenerateKey, or a SAS/connection-string call).
      const keyCalls = [...commandLog, ...destroyLog].filter((entry) =>
        /\/(listKeys|regenerateKey|ListAccountSas|ListServiceSas)\?/i.test(entry.path),
      );
      expect(commandLog.length).toBeGreaterThan(0);
      expect(keyCalls).toEqual([]);
    });
  });

  // Protection: @infra/cli's redaction of everything a command writes (redact.ts, behind runCommand's writers).
  // Checked: with redactingWriter passing text through unchanged, this case finds the JWT and the account key.
  it("an Azure error that echoes a token and an account key is printed redacted (whoami, Actions mode)", async () => {
    const azure = await connectAzure({ task: "protections", env: emulator.env("ops") });
    const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
    const listed = await storage.storageAccounts.listKeys(SEED.legacyResourceGroup, "legacydata001");
    const key = listed.keys?.[0]?.value ?? "";
    expect(key.length).toBeGreaterThan(40);
    const token = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"aud":"https://management.azure.com"}').toString("base64url")}.c2lnbmF0dXJl`;
    await emulator.admin.addFault({
      method: "GET",
      path: "/providers/Microsoft.Authorization/roleAssignments\\?",
      status: 400,
      code: "InvalidRequestContent",
      message: `Request rejected: header Authorization: Bearer ${token}; DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${key};EndpointSuffix=core.windows.net`,
    });
    const result = await runRoot("whoami", ["--verbose"], { env: await actionsEnv() });
    await emulator.admin.clearFaults();
    const output = result.stdout + result.stderr;
    expect(result.code).toBe(1);
    expect(output).toMatch(/InvalidRequestContent \(HTTP 400\) - Request rejected/); // the error itself is shown
    expect(output).toMatch(/::error title=whoami failed::/); // ...also as an Actions annotation
    expect(output).toContain("AccountKey=REDACTED");
    expect(output).not.toContain(key);
    expect(output).not.toMatch(JWT);
  });
});
