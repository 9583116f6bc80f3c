import { runCommand, type TextWriter } from "@infra/cli";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forgetCredentials } from "../src/process-credential.ts";
import type { WhoamiReport } from "../src/whoami-command.ts";
import { whoamiCommand } from "../src/whoami-command.ts";
import { connectionsElsewhere, envFor } from "./support/emulator-session.ts";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  expect(connectionsElsewhere(emulator)).toEqual([]);
  await emulator.close();
});

beforeEach(() => {
  forgetCredentials();
});

function buffer(): TextWriter & { text: string } {
  return {
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  } as TextWriter & { text: string };
}

async function whoami(env: Record<string, string | undefined>, ...argv: string[]) {
  const stdout = buffer();
  const stderr = buffer();
  const code = await runCommand(whoamiCommand, argv, { env, stdout, stderr, handleSigint: false });
  process.exitCode = 0;
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe("whoami --json", () => {
  it.each([
    ["ops", SEED.ops.objectId, ["Owner"], 1],
    ["auditor", SEED.auditor.objectId, ["Reader"], 0],
    ["github", SEED.github.objectId, ["Contributor", "User Access Administrator"], 0],
  ])("%s: identity, roles and warnings", async (principal, objectId, roleNames, warnings) => {
    await emulator.admin.clearRequests();
    const run = await whoami(envFor(emulator, principal), "--json");
    expect(run.code, run.stderr).toBe(0);
    // One sign-in: the first token is the one the ARM clients' requests use (continuous access evaluation on).
    const signIns = (await emulator.admin.requests()).filter((entry) => /\/oauth2\/v2\.0\/token/.test(entry.path));
    expect(signIns).toHaveLength(1);
    const report = JSON.parse(run.stdout) as WhoamiReport;
    expect(report.identity.objectId).toBe(objectId);
    expect(report.identity.tenantId).toBe(SEED.tenantId);
    expect(report.subscription).toEqual({ id: SEED.subscription1, source: "AZURE_SUBSCRIPTION_ID" });
    expect(report.roles.map((role) => role.roleName).sort()).toEqual(roleNames);
    expect(report.roles.every((role) => role.scope === `/subscriptions/${SEED.subscription1}`)).toBe(true);
    expect(report.warnings).toHaveLength(warnings);
    if (warnings > 0) expect(run.stderr).toMatch(/warn .*holds Owner at \/subscriptions\//);
    expect(run.stderr).toMatch(/info {2}auth => .* signed in as service principal app/);
    // Never a token, not even in logs.
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    const log = await emulator.admin.requests();
    expect(log.some((e) => e.path.includes("roleAssignments") && e.path.includes("principalId"))).toBe(true);
  });

  it("github: reports the GitHub ID token's issuer and subject and how it was obtained", async () => {
    const run = await whoami(envFor(emulator, "github"), "--json");
    const report = JSON.parse(run.stdout) as WhoamiReport;
    expect(report.obtainedWith).toEqual({ credential: "GitHub Actions OIDC", basis: "GitHub Actions" });
    expect(report.identity.gitHub).toMatchObject({
      issuer: "https://token.actions.githubusercontent.com",
      subject: SEED.github.subject,
    });
  });

  it("prints a readable summary without --json", async () => {
    const run = await whoami(envFor(emulator, "auditor"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`object id     ${SEED.auditor.objectId}`);
    expect(run.stdout).toMatch(/roles {9}Reader at \/subscriptions\//);
  });

  it.each([
    [
      "missing configuration",
      { AZURE_CLIENT_SECRET: undefined },
      [],
      2,
      /cannot be used here[\s\S]*neither AZURE_CLIENT_SECRET/,
    ],
    ["a bad --auth value", {}, ["--auth", "password"], 2, /--auth 'password' is not one of/],
    ["a refused secret", { AZURE_CLIENT_SECRET: "wrong-secret" }, [], 1, /AADSTS7000215 invalid client secret/],
    [
      "GitHub Actions without id-token permission",
      { GITHUB_ACTIONS: "true", AZURE_CLIENT_SECRET: undefined, AZURE_TOKEN_CREDENTIALS: undefined },
      [],
      2,
      /permissions: id-token: write/,
    ],
  ])("%s -> exit code as the README's table says", async (_, changes, argv, code, message) => {
    const run = await whoami(envFor(emulator, "ops", changes), ...argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(SEED.ops.secret);
    expect(run.stdout).toBe("");
  });
});
