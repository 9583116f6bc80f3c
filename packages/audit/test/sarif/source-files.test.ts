import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/finding.ts";
import { locateFinding } from "../../src/sarif/locate-finding.ts";
import { readSarifSources, repoRelativeUri } from "../../src/sarif/read-sarif-sources.ts";
import { ruleSectionRegion } from "../../src/sarif/rule-section-region.ts";
import { sarifCategory } from "../../src/sarif/sarif-category.ts";

describe("repoRelativeUri", () => {
  it.each([
    [
      "a file in the repository",
      "/repo/packages/environments/environments/prod.ts",
      "packages/environments/environments/prod.ts",
    ],
    ["a file with a space", "/repo/envs/my env.ts", "envs/my%20env.ts"],
    ["a file beside the repository", "/repo-other/prod.ts", undefined],
    ["a file outside it", "/tmp/e2e-env-1/environment.json", undefined],
    ["the root itself", "/repo", undefined],
  ])("%s", (_label, path, uri) => {
    expect(repoRelativeUri("/repo", path)).toBe(uri);
  });
});

describe("sarifCategory", () => {
  it.each([
    [undefined, undefined, "azure-audit/all/"],
    ["prod", undefined, "azure-audit/prod/"],
    ["prod", "azure-audit/prod/shard-2", "azure-audit/prod/shard-2/"],
    [undefined, "nightly/", "nightly/"],
  ])("environment %s, --sarif-category %s: %s", (environment, explicit, category) => {
    expect(sarifCategory(environment, explicit)).toBe(category);
  });
});

describe("ruleSectionRegion", () => {
  const page = "# Audit rules\n\n| rule |\n\n## storage.minimum-tls\n\ntext\n\n## storage.minimum-tls-extra\n";
  it.each([
    ["storage.minimum-tls", 5],
    ["storage.minimum-tls-extra", 9],
    ["audit.unknown", 1],
  ])("%s is at line %i", (ruleId, line) => {
    expect(ruleSectionRegion(page, ruleId)).toMatchObject({ startLine: line, endLine: line, startColumn: 1 });
  });
});

describe("readSarifSources", () => {
  let dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    dirs = [];
  });

  it("reads the repository's declarations and rules page, and leaves out an environment file outside it", async () => {
    const repo = await mkdtemp(join(tmpdir(), "repo-"));
    const elsewhere = await mkdtemp(join(tmpdir(), "env-"));
    dirs.push(repo, elsewhere);
    await mkdir(join(repo, "docs"));
    await mkdir(join(repo, "envs"));
    await writeFile(join(repo, "docs", "audit-rules.md"), "# Audit rules\n\n## storage.minimum-tls\n");
    await writeFile(
      join(repo, "envs", "prod.ts"),
      'defineEnvironment({\n  name: "prod",\n  resourceGroups: [{ name: "rg-prd" }],\n});\n',
    );
    await writeFile(join(elsewhere, "dev.json"), '{ "name": "dev" }');

    const sources = await readSarifSources(repo, [
      { name: "prod", path: join(repo, "envs", "prod.ts") },
      { name: "dev", path: join(elsewhere, "dev.json") },
    ]);
    expect([...sources.environments.keys()]).toEqual(["prod"]);
    expect(sources.ruleDocs.uri).toBe("docs/audit-rules.md");

    const finding = (ownerEnvironment: string): Finding => ({
      ruleId: "storage.minimum-tls",
      severity: "high",
      resourceId: "/subscriptions/s/resourceGroups/rg-prd",
      resourceType: "Microsoft.Resources/resourceGroups",
      status: "fail",
      message: "m",
      evidence: [],
      ownerEnvironment,
    });
    expect(locateFinding(finding("prod"), sources)).toMatchObject({ uri: "envs/prod.ts", region: { startLine: 3 } });
    // dev's file is outside the repository: its resources point where unowned ones do.
    expect(locateFinding(finding("dev"), sources)).toMatchObject({
      uri: "docs/audit-rules.md",
      region: { startLine: 3 },
    });
  });

  it("fails when the rules page is missing, rather than locating findings nowhere", async () => {
    const repo = await mkdtemp(join(tmpdir(), "repo-"));
    dirs.push(repo);
    await expect(readSarifSources(repo, [])).rejects.toThrow(/ENOENT.*audit-rules\.md/);
  });
});
