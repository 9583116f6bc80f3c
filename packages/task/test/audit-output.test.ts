import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditReport, Finding, RuleMetadata } from "@infra/audit";
import { NeedsAttention } from "@infra/cli";
import { afterEach, describe, expect, it } from "vitest";
import { type AuditReportFlags, finishAudit, ruleDocsUrl } from "../src/audit-output.ts";

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
