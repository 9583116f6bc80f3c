import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeScanningProblems } from "../../src/sarif/code-scanning-problems.ts";
import { buildSarifLog, findingFingerprint, renderSarif, type SarifOptions } from "../../src/sarif/render-sarif.ts";
import { validateWithMultitool } from "../sarif-multitool.ts";
import {
  ENVIRONMENT_URI,
  OWNED_ACCOUNT,
  OWNED_ASSIGNMENT,
  OWNED_CONTAINER,
  OWNED_DERIVED,
  OWNED_GROUP,
  sarifReport,
  sarifSources,
  UNOWNED_ACCOUNT,
} from "./sarif-sample.ts";

// The schema Microsoft ships with the SARIF Multitool (see test/fixtures/README.md).
const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const options: SarifOptions = { sources: sarifSources, category: "azure-audit/prod/" };

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  logicalLocations: Array<{ fullyQualifiedName: string }>;
}
interface SarifRun {
  tool: {
    driver: {
      rules: Array<{ id: string; help: { text: string; markdown: string }; properties: Record<string, unknown> }>;
    };
  };
  automationDetails: { id: string };
  results: Array<{
    ruleId: string;
    level: string;
    locations: SarifLocation[];
    suppressions?: unknown[];
    partialFingerprints: Record<string, string>;
  }>;
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications: Array<{ locations: SarifLocation[] }>;
  }>;
}

function run(log: Record<string, unknown>): SarifRun {
  return (log.runs as SarifRun[])[0]!;
}

const sarif = run(buildSarifLog(sarifReport, options));
const lineOf = (text: string) =>
  sarifSources.environments
    .get("prod")!
    .text.split("\n")
    .findIndex((line) => line.includes(text)) + 1;
const docsLineOf = (heading: string) => sarifSources.ruleDocs.text.split("\n").indexOf(heading) + 1;
const located = (ruleId: string, resourceId: string) => {
  const result = sarif.results.find(
    (candidate) =>
      candidate.ruleId === ruleId && candidate.locations[0]?.logicalLocations[0]?.fullyQualifiedName === resourceId,
  );
  const physical = result?.locations[0]?.physicalLocation;
  return [physical?.artifactLocation.uri, physical?.region.startLine];
};

describe("renderSarif", () => {
  it.each([
    ["owned account: its name's line", "sample.public-access", OWNED_ACCOUNT, ENVIRONMENT_URI, 'name: "prdappassets"'],
    ["owned container: its own name", "sample.public-access", OWNED_CONTAINER, ENVIRONMENT_URI, 'name: "images"'],
    ["owned role assignment: its account", "sample.tls", OWNED_ASSIGNMENT, ENVIRONMENT_URI, 'name: "prdappassets"'],
    ["owned group", "sample.group-lock", OWNED_GROUP, ENVIRONMENT_URI, 'name: "rg-prd-app"'],
    [
      "owned, name not spelled: the environment object",
      "sample.naming",
      OWNED_DERIVED,
      ENVIRONMENT_URI,
      "defineEnvironment({",
    ],
  ])("locates a finding in the environment file that declares it (%s)", (_label, ruleId, resourceId, uri, text) => {
    expect(located(ruleId, resourceId)).toEqual([uri, lineOf(text)]);
  });

  it.each([
    ["sample.tls", UNOWNED_ACCOUNT, "## sample.tls"],
    ["sample.versioning", UNOWNED_ACCOUNT, "## sample.versioning"],
    ["audit.suppression-expired", "**/rg-old/**", "## audit.suppression-expired"],
  ])("locates %s on an unowned resource at its rule's section of the rules page", (ruleId, resourceId, heading) => {
    expect(docsLineOf(heading)).toBeGreaterThan(1);
    expect(located(ruleId, resourceId)).toEqual(["docs/audit-rules.md", docsLineOf(heading)]);
  });

  it("gives every result and notification a repository-relative physical location and keeps the resource id", () => {
    const locations = [
      ...sarif.results.flatMap((result) => result.locations),
      ...sarif.invocations.flatMap((invocation) => invocation.toolExecutionNotifications.flatMap((n) => n.locations)),
    ];
    expect(locations).toHaveLength(sarif.results.length + 2);
    for (const location of locations) {
      expect(location.physicalLocation.artifactLocation).toMatchObject({ uriBaseId: "%SRCROOT%" });
      expect(location.physicalLocation.artifactLocation.uri).toMatch(/^(packages|docs)\//);
      expect(location.logicalLocations[0]?.fullyQualifiedName).toMatch(/^\/subscriptions\/|^\*\*/);
    }
  });

  it("reports fails and suppressed fails as results, errors as notifications, and names the category", () => {
    expect(sarif.results.map((result) => [result.ruleId, result.level, result.suppressions !== undefined])).toEqual([
      ["sample.public-access", "error", false],
      ["sample.public-access", "error", false],
      ["sample.tls", "error", false],
      ["sample.group-lock", "warning", false],
      ["sample.naming", "note", false],
      ["sample.tls", "error", false],
      ["sample.versioning", "note", true],
      ["audit.suppression-expired", "warning", false],
    ]);
    expect(sarif.invocations[0]).toMatchObject({ executionSuccessful: false });
    expect(sarif.invocations[0]?.toolExecutionNotifications).toHaveLength(2);
    expect(sarif.automationDetails).toEqual({ id: "azure-audit/prod/" });
  });

  it("fingerprints a finding by rule and resource id alone: the same alert across runs, casing and line moves", () => {
    const fingerprint = sarif.results[0]?.partialFingerprints;
    expect(fingerprint).toEqual({
      primaryLocationLineHash: findingFingerprint({ ruleId: "sample.public-access", resourceId: OWNED_ACCOUNT }),
      "ruleResource/v1": findingFingerprint({ ruleId: "sample.public-access", resourceId: OWNED_ACCOUNT }),
    });
    expect(findingFingerprint({ ruleId: "r", resourceId: OWNED_ACCOUNT.toUpperCase() })).toBe(
      findingFingerprint({ ruleId: "r", resourceId: OWNED_ACCOUNT }),
    );
    const moved = new Map([
      ["prod", { uri: ENVIRONMENT_URI, text: `// a comment\n\n${sarifSources.environments.get("prod")!.text}` }],
    ]);
    const again = run(buildSarifLog(sarifReport, { ...options, sources: { ...sarifSources, environments: moved } }));
    expect(again.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(
      (sarif.results[0]?.locations[0]?.physicalLocation.region.startLine ?? 0) + 2,
    );
    expect(again.results.map((result) => result.partialFingerprints)).toEqual(
      sarif.results.map((result) => result.partialFingerprints),
    );
    // Unowned findings share a line; their fingerprints still tell them apart.
    const hashes = sarif.results.map((result) => result.partialFingerprints.primaryLocationLineHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it.each([
    ["critical", "9.5"],
    ["high", "8.0"],
    ["medium", "5.5"],
    ["low", "3.0"],
    ["info", "0.0"],
  ])("gives a %s rule security-severity %s and the security tag", (severity, score) => {
    const rule = sarif.tool.driver.rules.find((candidate) => candidate.properties["security-severity"] === score);
    expect(rule?.id).toBe(sarifReport.rules.find((candidate) => candidate.severity === severity)?.id);
    expect(rule?.properties.tags).toContain("security");
  });

  it("carries rule metadata code scanning shows", () => {
    const rule = sarif.tool.driver.rules.find((candidate) => candidate.id === "sample.public-access");
    expect(rule).toMatchObject({
      shortDescription: { text: "critical check" },
      fullDescription: { text: "Why the critical check matters." },
      defaultConfiguration: { level: "error" },
      properties: { tags: expect.arrayContaining(["security", "CIS 9.3.8"]) },
    });
    expect(rule?.help.text).toContain("az storage account update -g <group> -n <account>");
    // In Markdown a bare `<group>` is an HTML tag and renders as nothing.
    expect(rule?.help.markdown).toContain("-g &lt;group&gt; -n &lt;account&gt;");
  });

  it.each([
    ["problems only", options],
    ["with passes", { ...options, includePassed: true }],
  ])("is valid against the SARIF 2.1.0 schema and GitHub's ingestion requirements (%s)", (_label, given) => {
    const log = JSON.parse(renderSarif(sarifReport, given));
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(codeScanningProblems(log)).toEqual([]);
  });

  it("the schema check can fail: a result with an invalid level is rejected", () => {
    const log = buildSarifLog(sarifReport, options);
    run(log).results[0]!.level = "catastrophic";
    expect(validate(log)).toBe(false);
  });
});

// The Multitool is a .NET program: a second or two per file, more on a busy machine.
describe("renderSarif under Microsoft's SARIF Multitool", { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "render-sarif-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function multitool(log: Record<string, unknown>, name: string) {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(log, null, 2));
    return validateWithMultitool(file);
  }

  it("passes `sarif-multitool validate` with GitHub's rules on: no errors, no warnings", async () => {
    const verdict = await multitool(buildSarifLog(sarifReport, { ...options, includePassed: true }), "audit.sarif");
    expect(verdict.problems, verdict.output).toEqual([]);
    expect(verdict.exitCode, verdict.output).toBe(0);
  });

  it.each([
    [
      "an absolute file URI",
      (log: SarifRun) => {
        log.results[0]!.locations[0]!.physicalLocation.artifactLocation = {
          uri: "file:///home/runner/prod.ts",
          uriBaseId: "%SRCROOT%",
        };
      },
      /GH1005|SARIF1004|SARIF2007/,
    ],
    [
      "a result without a message",
      (log: SarifRun) => {
        delete (log.results[0] as { message?: unknown }).message;
      },
      /JSON1002 error .*'message' is missing/,
    ],
    [
      "a region before the first line",
      (log: SarifRun) => {
        log.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
      },
      /JSON1008 error .*startLine/,
    ],
    [
      // Multitool 5.7.0's GH1001 fails while formatting its own message; the file is refused all the same.
      "a result without a physical location",
      (log: SarifRun) => {
        delete (log.results[0]!.locations[0] as { physicalLocation?: unknown }).physicalLocation;
      },
      /GH1001|tool error/,
    ],
  ])("the Multitool check can fail: %s is reported", async (_label, spoil, expected) => {
    const log = buildSarifLog(sarifReport, options);
    spoil(run(log));
    const verdict = await multitool(log, "spoiled.sarif");
    expect(verdict.problems.join("\n"), verdict.output).toMatch(expected);
  });
});
