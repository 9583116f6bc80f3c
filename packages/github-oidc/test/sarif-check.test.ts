import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSarifFile } from "../src/rehearsal/sarif-check.ts";

const workspace = mkdtempSync(join(tmpdir(), "sarif-check-"));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const rule = {
  id: "storage.minimum-tls",
  shortDescription: { text: "Minimum TLS 1.2" },
  fullDescription: { text: "Old TLS is weak." },
  help: { text: "Set minimumTlsVersion to TLS1_2." },
  properties: { "security-severity": "8.0", tags: ["security"] },
};
const result = (location: Record<string, unknown>) => ({
  ruleId: "storage.minimum-tls",
  message: { text: "minimum TLS is TLS1_0" },
  partialFingerprints: { primaryLocationLineHash: "0f1e2d" },
  locations: [{ ...location, logicalLocations: [{ fullyQualifiedName: "/subscriptions/s/resourceGroups/g" }] }],
});
const log = (location: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  $schema: "https://json.schemastore.org/sarif-2.1.0.json",
  version: "2.1.0",
  runs: [
    {
      tool: { driver: { name: "infra-audit", rules: [rule] } },
      automationDetails: { id: "azure-audit/prod/" },
      results: [result(location)],
      ...extra,
    },
  ],
});
const atLine = { physicalLocation: { artifactLocation: { uri: "docs/audit-rules.md" }, region: { startLine: 7 } } };

describe("checkSarifFile", () => {
  it.each([
    ["what code scanning takes", log(atLine), undefined],
    [
      "a result with only a logical location",
      log({}),
      /code scanning would reject it: \$\.runs\[0\]\.results\[0\]\.locations\[0\]\.physicalLocation\.artifactLocation\.uri: missing/,
    ],
    ["a run without a category", log(atLine, { automationDetails: undefined }), /automationDetails\.id: missing/],
    ["SARIF 2.0", { ...log(atLine), version: "2.0.0" }, /\$\.version: must be "2\.1\.0"/],
  ])("%s", (_label, content, expected) => {
    const file = `${_label.replace(/\W+/g, "-")}.sarif`;
    writeFileSync(join(workspace, file), JSON.stringify(content));
    return checkSarifFile(workspace, file).then((problem) => {
      if (expected === undefined) expect(problem).toBeUndefined();
      else expect(problem).toMatch(expected);
    });
  });

  it("names at most five problems and counts the rest", async () => {
    const many = log({});
    many.runs[0]!.results = Array.from({ length: 8 }, () => result({}));
    writeFileSync(join(workspace, "many.sarif"), JSON.stringify(many));
    expect(await checkSarifFile(workspace, "many.sarif")).toMatch(/results\[4\].*; and 3 more$/);
  });

  it("says when the file the upload names is missing", async () => {
    expect(await checkSarifFile(workspace, "absent.sarif")).toMatch(/^absent\.sarif: cannot read it \(ENOENT/);
  });
});
