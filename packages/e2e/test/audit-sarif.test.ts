// pnpm run audit -- --format sarif over the default seed with the local environment provisioned: what the nightly
// workflow uploads to code scanning, checked by GitHub's documented requirements and by Microsoft's SARIF Multitool.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import { codeScanningFileProblems } from "@infra/audit";
import { validateWithMultitool } from "@infra/audit/sarif-multitool";
import { connectAzure } from "@infra/auth";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runRoot } from "../src/root-command.ts";

interface SarifResult {
  ruleId: string;
  locations: Array<{
    physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
    logicalLocations?: Array<{ fullyQualifiedName: string }>;
  }>;
  partialFingerprints: Record<string, string>;
}
interface SarifRun {
  automationDetails: { id: string };
  results: SarifResult[];
}

const LOCAL_FILE = "packages/environments/environments/local.ts";

let emulator: Emulator;
let dir: string;
let file: string;
let text: string;
let run: SarifRun;
let auditExit: number | null;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "audit-sarif-"));
  file = join(dir, "audit.sarif");
  const provisioned = await runRoot("provision", ["--env", "local", "--yes"], { env: emulator.env("ops") });
  expect(provisioned.code, provisioned.stderr).toBe(0);
  // Drift on two provisioned resources, so the environment's own resources have findings too.
  const azure = await connectAzure({ task: "e2e", env: emulator.env("ops") });
  const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
  await storage.storageAccounts.update("rg-loc-app", "locappassets", { minimumTlsVersion: "TLS1_0" });
  const resources = new ResourceManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
  const group = await resources.resourceGroups.get("rg-loc-data");
  const { "cost-center": _dropped, ...tags } = group.tags ?? {};
  await resources.resourceGroups.update("rg-loc-data", { tags });
  const audited = await runRoot("audit", ["--env", "local", "--format", "sarif", "--output", file], {
    env: emulator.env("ops"),
  });
  auditExit = audited.code;
  text = readFileSync(file, "utf8");
  run = (JSON.parse(text) as { runs: SarifRun[] }).runs[0] as SarifRun;
}, 360_000);
afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const lineIn = (path: string, needle: string) =>
  readFileSync(join(repoRoot, path), "utf8")
    .split("\n")
    .findIndex((line) => line.includes(needle)) + 1;
const resourceOf = (result: SarifResult) => result.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName ?? "";
const where = (result: SarifResult | undefined) => [
  result?.locations[0]?.physicalLocation?.artifactLocation?.uri,
  result?.locations[0]?.physicalLocation?.region?.startLine,
];

describe("pnpm run audit -- --format sarif", () => {
  it("reports the seed's findings (exit 3) filed under the local environment's category", () => {
    expect(auditExit).toBe(3);
    expect(run.automationDetails.id).toBe("azure-audit/local/");
    expect(run.results.length).toBeGreaterThan(5);
  });

  it("gives every result a repository file and line, and the resource id", () => {
    for (const result of run.results) {
      const [uri, line] = where(result);
      expect(uri, `${result.ruleId} on ${resourceOf(result)}`).toMatch(
        /^(packages\/environments\/environments\/|docs\/)/,
      );
      expect(line).toBeGreaterThanOrEqual(1);
      expect(resourceOf(result)).toMatch(/^\/subscriptions\//);
    }
  });

  it.each([
    ["storage.minimum-tls", /\/storageAccounts\/locappassets$/i, 'name: "locappassets"'],
    ["governance.required-tags", /\/resourceGroups\/rg-loc-data$/i, 'name: "rg-loc-data"'],
  ])(
    "points %s on a provisioned resource at the line of local.ts that declares it",
    (ruleId, resource, declaration) => {
      const owned = run.results.filter((result) => result.ruleId === ruleId && resource.test(resourceOf(result)));
      expect(owned).toHaveLength(1);
      expect(where(owned[0])).toEqual([LOCAL_FILE, lineIn(LOCAL_FILE, declaration)]);
    },
  );

  it("points findings on the hand-made brownfield account at their rules' sections of the rules page", () => {
    const legacy = run.results.filter((result) => /\/storageAccounts\/legacydata001$/i.test(resourceOf(result)));
    expect(legacy.map((result) => result.ruleId)).toContain("storage.minimum-tls");
    for (const result of legacy) {
      expect(where(result)).toEqual(["docs/audit-rules.md", lineIn("docs/audit-rules.md", `## ${result.ruleId}`)]);
    }
  });

  it("keeps one fingerprint per rule and resource", () => {
    const fingerprints = run.results.map((result) => result.partialFingerprints.primaryLocationLineHash);
    expect(new Set(fingerprints).size).toBe(run.results.length);
  });

  it("meets GitHub's documented ingestion requirements", () => {
    expect(codeScanningFileProblems(text)).toEqual([]);
  });

  it("passes Microsoft's SARIF Multitool with GitHub's rules on", async () => {
    const verdict = await validateWithMultitool(file);
    expect(verdict.problems, verdict.output).toEqual([]);
    expect(verdict.exitCode, verdict.output).toBe(0);
  }, 120_000);
});
