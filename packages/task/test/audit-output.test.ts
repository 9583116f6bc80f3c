import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditReport, Finding, RuleMetadata } from "@infra/audit";
import { NeedsAttention } from "@infra/cli";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AuditedEnvironment,
  type AuditReportFlags,
  finishAudit,
  parseAuditFlags,
  ruleDocsUrl,
} from "../src/audit-output.ts";

const ACCOUNT =
  "/subscriptions/11111111-0000-4000-8000-000000000001/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/legacydata001";
const rule: RuleMetadata = {
  id: "storage.minimum-tls",
  title: "Minimum TLS 1.2",
  severity: "high",
  rationale: "Old TLS is weak.",
  remediation: "az storage account update -g <group> -n <account> --min-tls-version TLS1_2",
  references: {},
  resourceType: "Microsoft.Storage/storageAccounts",
};
const finding = (status: Finding["status"]): Finding => ({
  ruleId: rule.id,
  severity: "high",
  resourceId: ACCOUNT,
  resourceType: rule.resourceType,
  status,
  message: "minimum TLS is TLS1_0",
  evidence: [],
});
const report: AuditReport = {
  rules: [rule],
  findings: [finding("fail"), { ...finding("pass"), resourceId: `${ACCOUNT}x` }],
};
const flags = (format: AuditReportFlags["format"]): AuditReportFlags => ({
  format,
  failOn: "high",
  allowIncomplete: false,
});

function capture(env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    run: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      env,
    },
  };
}

const SUMMARY = "2 resources, 2 checks: 1 failed (1 high), 0 suppressed, 0 errors, 1 passed, 0 not applicable";

describe("finishAudit", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("prints the table's summary line once, and says what set exit 3 without repeating it", async () => {
    const { run, out } = capture();
    const outcome = await finishAudit(run, report, flags("table"), undefined);
    expect(out.stdout.split("\n").filter((line) => line === SUMMARY)).toHaveLength(1);
    expect(out.stdout).toContain("rg-legacy/legacydata001");
    expect(out.stderr).toBe("");
    expect(outcome).toBeInstanceOf(NeedsAttention);
    expect((outcome as NeedsAttention).reason).toBe("1 finding at or above high (1 high)");
  });

  it("puts the summary on stderr when stdout carries a machine format", async () => {
    const { run, out } = capture();
    await finishAudit(run, report, flags("json"), undefined);
    expect(JSON.parse(out.stdout).summary.byStatus.fail).toBe(1);
    expect(out.stderr).toBe(`${SUMMARY}\n`);
  });

  it("in GitHub Actions adds the Markdown report to the job summary, rule ids linked at the audited commit", async () => {
    dir = mkdtempSync(join(tmpdir(), "audit-output-"));
    const summaryFile = join(dir, "summary.md");
    const { run } = capture({
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_SHA: "abc123",
    });
    await finishAudit(run, report, flags("table"), undefined);
    const markdown = readFileSync(summaryFile, "utf8");
    expect(markdown).toMatch(/^## Azure audit: 1 failed on 1 of 2 resources/);
    expect(markdown).toContain(
      "[`storage.minimum-tls`](https://github.com/acme/infra/blob/abc123/docs/audit-rules.md#storageminimum-tls)",
    );
  });
});

describe("finishAudit --format sarif", () => {
  const repoRoot = join(import.meta.dirname, "..", "..", "..");
  const LOCAL_ACCOUNT =
    "/subscriptions/11111111-0000-4000-8000-000000000001/resourceGroups/rg-loc-app/providers/Microsoft.Storage/storageAccounts/locappassets";
  const owned: AuditReport = {
    rules: [rule],
    findings: [{ ...finding("fail"), resourceId: LOCAL_ACCOUNT, ownerEnvironment: "local" }, finding("fail")],
  };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "audit-sarif-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function sarif(
    given: Partial<AuditReportFlags>,
    audited?: AuditedEnvironment,
  ): Promise<{ automationDetails: { id: string }; results: Array<{ locations: SarifLocation[] }> }> {
    const output = join(dir, "audit.sarif");
    await finishAudit(capture().run, owned, { ...flags("sarif"), ...given }, output, repoRoot, audited);
    return JSON.parse(readFileSync(output, "utf8")).runs[0];
  }
  interface SarifLocation {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  }
  const where = (location: SarifLocation | undefined) => [
    location?.physicalLocation.artifactLocation.uri,
    location?.physicalLocation.region.startLine,
  ];
  const lineIn = (file: string, text: string) =>
    readFileSync(join(repoRoot, file), "utf8")
      .split("\n")
      .findIndex((line) => line.includes(text)) + 1;

  it("points an owned resource at its environment file's line and an unowned one at its rule's section", async () => {
    const run = await sarif({}, { name: "local" });
    expect(run.results.map((result) => where(result.locations[0]))).toEqual([
      [
        "packages/environments/environments/local.ts",
        lineIn("packages/environments/environments/local.ts", 'name: "locappassets"'),
      ],
      ["docs/audit-rules.md", lineIn("docs/audit-rules.md", "## storage.minimum-tls")],
    ]);
    expect(run.automationDetails.id).toBe("azure-audit/local/");
  });

  it.each([
    ["no environment", {}, undefined, "azure-audit/all/"],
    ["--env prod", {}, { name: "prod" }, "azure-audit/prod/"],
    ["--sarif-category", { sarifCategory: "azure-audit/prod/shard-1" }, { name: "prod" }, "azure-audit/prod/shard-1/"],
  ])("files the report under a category: %s", async (_label, given, audited, category) => {
    expect((await sarif(given, audited)).automationDetails.id).toBe(category);
  });

  it("locates an --env-file's resources outside the repository like unowned ones, unless the repository declares that environment", async () => {
    const outside = join(dir, "environment.json");
    writeFileSync(outside, '{\n  "name": "local"\n}\n');
    const run = await sarif({}, { name: "local", file: outside });
    // The repository's local.ts declares "local" too: the given file would win only if code scanning could show it.
    expect(where(run.results[0]?.locations[0])[0]).toBe("packages/environments/environments/local.ts");
    const elsewhere = await sarif({}, { name: "e2e", file: outside });
    expect(elsewhere.results.map((result) => where(result.locations[0])[0])).toEqual([
      "packages/environments/environments/local.ts",
      "docs/audit-rules.md",
    ]);
  });
});

describe("parseAuditFlags", () => {
  it.each([
    [{ format: "sarif", "sarif-category": "azure-audit/prod/shard-1/" }, "azure-audit/prod/shard-1/"],
    [{ format: "sarif" }, undefined],
  ])("takes --sarif-category as given: %o", (values, category) => {
    expect(parseAuditFlags(values, false).sarifCategory).toBe(category);
  });

  it("refuses an empty --sarif-category", () => {
    expect(() => parseAuditFlags({ "sarif-category": " " }, false)).toThrow(/--sarif-category: give a category/);
  });
});

describe("ruleDocsUrl", () => {
  it.each([
    ["a report written next to the repo root", {}, "/repo", "/repo", "docs/audit-rules.md"],
    ["a report written in a subfolder", {}, "/repo", "/repo/out", "../docs/audit-rules.md"],
    ["no known repository root", {}, undefined, "/repo", undefined],
    ["GitHub Actions without the commit", { GITHUB_ACTIONS: "true" }, "/repo", "/repo", undefined],
  ])("%s", (_label, env, repoRoot, reportDir, expected) => {
    expect(ruleDocsUrl(env, repoRoot, reportDir)).toBe(expected);
  });
});
