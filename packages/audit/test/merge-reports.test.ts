import { describe, expect, it } from "vitest";
import type { AuditReport } from "../src/audit-report.ts";
import { auditExitCode } from "../src/exit-code.ts";
import type { Finding, FindingStatus } from "../src/finding.ts";
import { type MergeInput, mergeReports, REPORT_MISSING_RULE_ID } from "../src/merge-reports.ts";
import { parseJsonReport } from "../src/parse-json-report.ts";
import { renderJson } from "../src/reporters/render-json.ts";
import { sampleRules } from "./sample-report.ts";

const account = (subscription: number, name: string) =>
  `/subscriptions/00000000-0000-0000-0000-00000000000${subscription}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;

function finding(ruleId: string, resourceId: string, status: FindingStatus): Finding {
  return {
    ruleId,
    severity: sampleRules.find((rule) => rule.id === ruleId)?.severity ?? "medium",
    resourceId,
    resourceType: "Microsoft.Storage/storageAccounts",
    status,
    message: `${ruleId} ${status}`,
    evidence: [],
  };
}

function shard(index: number, count: number, findings: Finding[], split = "all"): MergeInput {
  const report: AuditReport = {
    rules: sampleRules,
    findings,
    shard: { split, index, count, subscriptions: [`sub-${index}`] },
  };
  return { source: `reports/${split}-${index}.json`, report };
}

const summaryOf = (inputs: MergeInput[], expectedShards?: Record<string, number>) => {
  const merged = mergeReports(inputs, expectedShards === undefined ? {} : { expectedShards });
  return {
    findings: merged.report.findings.map(
      (entry) =>
        `${entry.status} ${entry.ruleId} ${entry.resourceId.startsWith("/subscriptions/") ? entry.resourceId.split("/").at(-1) : entry.resourceId}`,
    ),
    problems: merged.problems,
    exitCode: auditExitCode(merged.report.findings, { failOn: "high" }),
  };
};

describe("mergeReports", () => {
  it.each([
    {
      name: "shards that each report: every finding once, the fail decides",
      inputs: [
        shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]),
        shard(2, 2, [finding("sample.public-access", account(2, "b"), "fail")]),
      ],
      findings: ["pass sample.tls a", "fail sample.public-access b"],
      problems: [],
      exitCode: 3,
    },
    {
      name: "all clean: exit 0",
      inputs: [shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]), shard(2, 2, [])],
      findings: ["pass sample.tls a"],
      problems: [],
      exitCode: 0,
    },
    {
      name: "a shard with error findings makes the merge incomplete",
      inputs: [
        shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]),
        shard(2, 2, [finding("sample.tls", account(2, "b"), "error")]),
      ],
      findings: ["pass sample.tls a", "error sample.tls b"],
      problems: [],
      exitCode: 1,
    },
    {
      name: "a shard that never reported is an error, never a pass",
      inputs: [shard(1, 3, [finding("sample.tls", account(1, "a"), "pass")]), shard(3, 3, [])],
      findings: ["pass sample.tls a", `error ${REPORT_MISSING_RULE_ID} shard 2/3 of all`],
      problems: ["shard 2/3 of all: no report (its job failed, or its artifact is missing)"],
      exitCode: 1,
    },
    {
      name: "an unreadable report is an error",
      inputs: [
        shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]),
        { source: "reports/all-2.json", problem: "not found" },
      ],
      findings: [
        "pass sample.tls a",
        `error ${REPORT_MISSING_RULE_ID} reports/all-2.json`,
        `error ${REPORT_MISSING_RULE_ID} shard 2/2 of all`,
      ],
      problems: [
        "reports/all-2.json: not found",
        "shard 2/2 of all: no report (its job failed, or its artifact is missing)",
      ],
      exitCode: 1,
    },
    {
      name: "the same check in two shards counts once, the worse status kept (fail over pass)",
      inputs: [
        shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]),
        shard(2, 2, [finding("sample.tls", account(1, "A"), "fail")]),
      ],
      findings: ["fail sample.tls A"],
      problems: [],
      exitCode: 3,
    },
    {
      name: "an error in one shard outranks a pass of the same check in another",
      inputs: [
        shard(1, 2, [finding("sample.tls", account(1, "a"), "error")]),
        shard(2, 2, [finding("sample.tls", account(1, "a"), "pass")]),
      ],
      findings: ["error sample.tls a"],
      problems: [],
      exitCode: 1,
    },
    {
      name: "reports of one split that disagree on its size cannot be merged",
      inputs: [shard(1, 2, []), shard(2, 3, [])],
      findings: [`error ${REPORT_MISSING_RULE_ID} split all`],
      problems: ["split all: reports of different sizes (2 and 3 shards)"],
      exitCode: 1,
    },
    {
      name: "several splits (an environment's, the tenant's) merge, each checked on its own",
      inputs: [
        shard(1, 1, [finding("sample.tls", account(1, "a"), "fail")], "prod"),
        shard(1, 2, [finding("sample.tls", account(1, "a"), "pass")]),
        shard(2, 2, [finding("sample.versioning", account(2, "b"), "pass")]),
      ],
      findings: ["fail sample.tls a", "pass sample.versioning b"],
      problems: [],
      exitCode: 3,
    },
    {
      name: "nothing to merge is an error",
      inputs: [],
      findings: [`error ${REPORT_MISSING_RULE_ID} no reports to merge`],
      problems: ["no reports to merge"],
      exitCode: 1,
    },
  ])("$name", ({ inputs, findings, problems, exitCode }) => {
    expect(summaryOf(inputs)).toEqual({ findings, problems, exitCode });
  });

  it.each<{ name: string; expected: Record<string, number>; problems: string[] }>([
    { name: "the count the split was listed with", expected: { "*": 2 }, problems: [] },
    {
      name: "a bigger count than the reports say",
      expected: { "*": 4 },
      problems: ["split all: reports of 2 shards, not of the 4 expected"],
    },
    {
      name: "a split none of whose shards reported",
      expected: { all: 2, dev: 1 },
      problems: ["shard 1/1 of dev: no report (its job failed, or its artifact is missing)"],
    },
  ])("checks the expected shards: $name", ({ expected, problems }) => {
    expect(summaryOf([shard(1, 2, []), shard(2, 2, [])], expected).problems).toEqual(problems);
  });

  it("needs each split's count named when the reports carry several", () => {
    expect(summaryOf([shard(1, 1, [], "prod"), shard(1, 1, [])], { "*": 1 }).problems).toEqual([
      "reports of 2 splits (prod, all): name each one's count",
    ]);
  });

  it("keeps each rule once, and lists the merge's own rule only when it raised something", () => {
    const clean = mergeReports([shard(1, 2, []), shard(2, 2, [])]);
    expect(clean.report.rules.map((rule) => rule.id)).toEqual(sampleRules.map((rule) => rule.id));
    const missing = mergeReports([shard(1, 2, [])]);
    expect(missing.report.rules.map((rule) => rule.id)).toContain(REPORT_MISSING_RULE_ID);
  });

  it("reads back what --format json wrote, shard included", () => {
    // An absent actual value (the property is not set) is dropped by JSON.stringify and must still read back.
    const absent = {
      ...finding("sample.tls", account(1, "b"), "fail"),
      evidence: [{ path: "properties.x", actual: undefined }],
    };
    const input = shard(2, 4, [finding("sample.tls", account(1, "a"), "fail"), absent]);
    if (!("report" in input)) throw new Error("a report");
    const back = parseJsonReport(renderJson(input.report), "x.json");
    expect(back).toEqual({ rules: sampleRules, findings: input.report.findings, shard: input.report.shard });
    expect(back.findings[1]?.evidence).toEqual([{ path: "properties.x" }]);
  });

  it.each([
    ["not JSON", "{", /x\.json is not an audit report \(--format json\): .*JSON/],
    ["another schema version", '{"schemaVersion":2,"rules":[],"findings":[]}', /schemaVersion/],
    [
      "a finding with an unknown status",
      JSON.stringify({ schemaVersion: 1, rules: [], findings: [{ ...finding("a.b", "x", "pass"), status: "ok" }] }),
      /findings\.0\.status/,
    ],
    [
      "a shard beyond its count",
      '{"schemaVersion":1,"shard":{"index":3,"count":2,"subscriptions":[]},"rules":[],"findings":[]}',
      /shard/,
    ],
  ])("refuses a report that is not one: %s", (_name, text, message) => {
    expect(() => parseJsonReport(text, "x.json")).toThrow(message);
  });
});
