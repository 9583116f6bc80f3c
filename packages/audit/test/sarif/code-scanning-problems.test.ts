import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codeScanningFileProblems, codeScanningProblems } from "../../src/sarif/code-scanning-problems.ts";
import { buildSarifLog } from "../../src/sarif/render-sarif.ts";
import { sarifReport, sarifSources } from "./sarif-sample.ts";

// biome-ignore lint/suspicious/noExplicitAny: a test reaches into the log to spoil one property at a time
type Log = any;

const validLog = (): Log => buildSarifLog(sarifReport, { sources: sarifSources, category: "azure-audit/prod/" });
const many = (count: number, item: (index: number) => unknown) =>
  Array.from({ length: count }, (_, index) => item(index));

describe("codeScanningProblems", () => {
  it("finds nothing in the audit's own SARIF", () => {
    expect(codeScanningProblems(validLog())).toEqual([]);
  });

  it.each<[string, (log: Log) => void, string]>([
    ["another SARIF version", (log) => (log.version = "2.0.0"), '$.version: must be "2.1.0"'],
    ["no $schema", (log) => delete log.$schema, "$.$schema: missing"],
    ["no runs", (log) => (log.runs = []), "$.runs: missing or empty"],
    ["more than 20 runs", (log) => (log.runs = many(21, () => log.runs[0])), "$.runs: 21 runs, over the limit of 20"],
    [
      "a run without a category",
      (log) => delete log.runs[0].automationDetails,
      "$.runs[0].automationDetails.id: missing",
    ],
    ["an empty category", (log) => (log.runs[0].automationDetails.id = ""), "$.runs[0].automationDetails.id: missing"],
    ["no tool name", (log) => (log.runs[0].tool.driver.name = " "), "$.runs[0].tool.driver.name: missing"],
    ["no rules", (log) => delete log.runs[0].tool.driver.rules, "$.runs[0].tool.driver.rules: missing"],
    [
      "more than 25,000 rules",
      (log) =>
        (log.runs[0].tool.driver.rules = many(25_001, (i) => ({ ...log.runs[0].tool.driver.rules[0], id: `r${i}` }))),
      "$.runs[0].tool.driver.rules: 25001, over the limit of 25000",
    ],
    [
      "more than 100 tool extensions",
      (log) => (log.runs[0].tool.extensions = many(101, (i) => ({ name: `x${i}` }))),
      "$.runs[0].tool.extensions: 101, over the limit of 100",
    ],
    [
      "a rule without security-severity",
      (log) => delete log.runs[0].tool.driver.rules[0].properties["security-severity"],
      "$.runs[0].tool.driver.rules[0].properties.security-severity: must be a number from 0.0 to 10.0",
    ],
    [
      "a security-severity as a number",
      (log) => (log.runs[0].tool.driver.rules[0].properties["security-severity"] = 9.5),
      "rules[0].properties.security-severity: must be a number from 0.0 to 10.0 as a string (is 9.5)",
    ],
    [
      "a security-severity above 10",
      (log) => (log.runs[0].tool.driver.rules[0].properties["security-severity"] = "10.1"),
      'rules[0].properties.security-severity: must be a number from 0.0 to 10.0 as a string (is "10.1")',
    ],
    [
      "a security-severity that is a word",
      (log) => (log.runs[0].tool.driver.rules[0].properties["security-severity"] = "high"),
      'rules[0].properties.security-severity: must be a number from 0.0 to 10.0 as a string (is "high")',
    ],
    [
      "more than 20 tags on a rule",
      (log) => (log.runs[0].tool.driver.rules[0].properties.tags = many(21, (i) => `t${i}`)),
      "rules[0].properties.tags: 21 tags, over the limit of 20",
    ],
    ["a rule without help", (log) => delete log.runs[0].tool.driver.rules[0].help, "rules[0].help.text: missing"],
    [
      "a full description over 1,024 characters",
      (log) => (log.runs[0].tool.driver.rules[0].fullDescription.text = "x".repeat(1025)),
      "rules[0].fullDescription.text: longer than 1024 characters",
    ],
    [
      "a rule name over 255 characters",
      (log) => (log.runs[0].tool.driver.rules[0].name = "x".repeat(256)),
      "rules[0].name: longer than 255 characters",
    ],
    ["no results", (log) => delete log.runs[0].results, "$.runs[0].results: missing"],
    [
      "more than 25,000 results",
      (log) => (log.runs[0].results = many(25_001, () => log.runs[0].results[0])),
      "$.runs[0].results: 25001, over the limit of 25000",
    ],
    [
      "a result of a rule the run does not have",
      (log) => (log.runs[0].results[0].ruleId = "storage.unknown"),
      "$.runs[0].results[0].ruleId: storage.unknown is not among the run's rules",
    ],
    ["a result without a message", (log) => (log.runs[0].results[0].message = {}), "results[0].message.text: missing"],
    [
      "a result without fingerprints",
      (log) => delete log.runs[0].results[0].partialFingerprints,
      "$.runs[0].results[0].partialFingerprints: missing",
    ],
    [
      "a result with only a logical location",
      (log) => delete log.runs[0].results[0].locations[0].physicalLocation,
      '$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: missing: the upload fails with "expected artifact location"',
    ],
    ["a result without locations", (log) => (log.runs[0].results[0].locations = []), "results[0].locations: missing"],
    [
      "more than 1,000 locations",
      (log) => (log.runs[0].results[0].locations = many(1001, () => log.runs[0].results[0].locations[0])),
      "results[0].locations: 1001, over the limit of 1000",
    ],
    [
      "an absolute file URI",
      (log) =>
        (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri =
          "file:///home/runner/work/prod.ts"),
      "artifactLocation.uri: file:///home/runner/work/prod.ts is absolute",
    ],
    [
      "an absolute path",
      (log) =>
        (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = "/home/runner/work/prod.ts"),
      "artifactLocation.uri: /home/runner/work/prod.ts is absolute",
    ],
    [
      "a location without a line",
      (log) => delete log.runs[0].results[0].locations[0].physicalLocation.region,
      "results[0].locations[0].physicalLocation.region.startLine: missing",
    ],
    [
      "more than 10,000 thread flow locations",
      (log) =>
        (log.runs[0].results[0].codeFlows = [
          { threadFlows: [{ locations: many(6000, () => ({})) }, { locations: many(4001, () => ({})) }] },
        ]),
      "results[0].codeFlows: 10001 thread flow locations, over the limit of 10000",
    ],
  ])("reports %s", (_label, spoil, expected) => {
    const log = validLog();
    spoil(log);
    const problems = codeScanningProblems(log);
    expect(problems.join("\n")).toContain(expected);
  });

  it.each([
    ["not an object", "[]"],
    ["null", "null"],
  ])("reports a log that is %s", (_label, text) => {
    expect(codeScanningProblems(JSON.parse(text))).toEqual(["$: not a JSON object"]);
  });
});

describe("codeScanningFileProblems", () => {
  it("reports a file that is not JSON", () => {
    expect(codeScanningFileProblems("{ not json")[0]).toMatch(/^not JSON: /);
  });

  it("reports a file over 10 MB once compressed, and nothing for the audit's own", () => {
    expect(codeScanningFileProblems(JSON.stringify(validLog()))).toEqual([]);
    // Random bytes do not compress: the limit is on the gzip-compressed upload, so 11 MB of them in base64 exceed it.
    const noise = randomBytes(11 * 1024 * 1024).toString("base64");
    const log = validLog();
    log.runs[0].properties = { noise };
    expect(codeScanningFileProblems(JSON.stringify(log))[0]).toMatch(/bytes gzip-compressed, over the 10485760 bytes/);
  });
});
