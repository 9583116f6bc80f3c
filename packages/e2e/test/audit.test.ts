// pnpm run audit over the default seed, as ops and as the Reader-only auditor, with faults and suppressions.
import { writeFile } from "node:fs/promises";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot, writeEnvironmentFile } from "../src/root-command.ts";

interface JsonFinding {
  ruleId: string;
  severity: string;
  resourceId: string;
  status: string;
}

let emulator: Emulator;
const legacy = `/subscriptions/${SEED.subscription1}/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/legacydata001`;

async function audit(identity: string, args: string[] = []) {
  const result = await runRoot("audit", ["--json", "--subscription", SEED.subscription1, ...args], {
    env: emulator.env(identity),
  });
  const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
  return { ...result, findings: report.findings };
}

const failing = (findings: JsonFinding[], resourceId: string) =>
  findings
    .filter((finding) => finding.status === "fail" && finding.resourceId.toLowerCase() === resourceId.toLowerCase())
    .map((finding) => `${finding.ruleId}:${finding.severity}`)
    .sort();

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

describe("pnpm run audit on the default seed", () => {
  let opsFindings: JsonFinding[];

  it("reports the brownfield account's misconfigurations with their rule ids and severities, exit 3", async () => {
    const result = await audit("ops");
    expect(result.code, result.stderr).toBe(3);
    opsFindings = result.findings;
    expect(failing(opsFindings, legacy)).toEqual(
      expect.arrayContaining([
        "storage.blob-anonymous-access:critical",
        "storage.public-containers:critical",
        "storage.minimum-tls:high",
        "storage.shared-key-disabled:high",
        "storage.blob-soft-delete:medium",
        "storage.container-soft-delete:medium",
      ]),
    );
  });

  it("gives the same findings as the Reader-only auditor", async () => {
    const result = await audit("auditor");
    expect(result.code, result.stderr).toBe(3);
    const key = (finding: JsonFinding) => `${finding.ruleId} ${finding.resourceId.toLowerCase()} ${finding.status}`;
    expect(result.findings.map(key).sort()).toEqual(opsFindings.map(key).sort());
  });

  it("turns a 403 on one account's read into error findings for it and exit 1, never a pass", async () => {
    await emulator.admin.addFault({
      method: "GET",
      path: "legacydata001/blobServices",
      status: 403,
      code: "AuthorizationFailed",
    });
    try {
      const result = await audit("ops");
      expect(result.code).toBe(1);
      const errors = result.findings.filter((finding) => finding.status === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((finding) => finding.resourceId.toLowerCase() === legacy.toLowerCase())).toBe(true);
      // What could not be read is not reported as passing.
      expect(
        result.findings.some(
          (f) =>
            f.ruleId === "storage.blob-soft-delete" &&
            f.status === "pass" &&
            f.resourceId.toLowerCase() === legacy.toLowerCase(),
        ),
      ).toBe(false);
    } finally {
      await emulator.admin.clearFaults();
    }
  });

  it("hides a finding under a suppression until its expiry date, then reports the expired suppression", async () => {
    const suppression = (expires: string) => [
      {
        rule: "storage.minimum-tls",
        resource: "**/storageAccounts/legacydata001",
        justification: "legacy clients until Q3",
        expires,
      },
    ];
    const file = await writeEnvironmentFile({});
    await writeFile(file, JSON.stringify({ suppressions: suppression("2999-12-31") }));
    const active = await audit("ops", ["--suppressions", file]);
    const tls = active.findings.filter(
      (finding) =>
        finding.ruleId === "storage.minimum-tls" && finding.resourceId.toLowerCase() === legacy.toLowerCase(),
    );
    expect(tls.map((finding) => finding.status)).toEqual(["suppressed"]);

    await writeFile(file, JSON.stringify({ suppressions: suppression("2020-01-01") }));
    const expired = await audit("ops", ["--suppressions", file]);
    expect(failing(expired.findings, legacy)).toContain("storage.minimum-tls:high");
    expect(
      expired.findings.some((finding) => finding.ruleId === "audit.suppression-expired" && finding.status === "fail"),
    ).toBe(true);
  });
});
