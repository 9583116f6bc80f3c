import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { applySuppressions } from "../../src/apply-suppressions.ts";
import { buildSarifLog, renderSarif } from "../../src/reporters/render-sarif.ts";
import { ACCOUNT_ID, OTHER_ID, sampleReport } from "../sample-report.ts";

// The schema Microsoft ships with the SARIF Multitool (see test/fixtures/README.md).
const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string } };
  logicalLocations: Array<{ fullyQualifiedName: string }>;
}
interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; help: { text: string; markdown: string } }> } };
  results: Array<{
    ruleId: string;
    level: string;
    locations: SarifLocation[];
    suppressions?: unknown[];
    partialFingerprints: Record<string, string>;
  }>;
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }>;
}

function run(log: Record<string, unknown>): SarifRun {
  return (log.runs as SarifRun[])[0]!;
}

describe("renderSarif", () => {
  it.each([
    ["with defaults", {}],
    [
      "with a physical location, category and passes",
      { artifactUri: "environments/prod.json", category: "audit/prod/", includePassed: true },
    ],
  ])("is valid against the SARIF 2.1.0 schema %s", (_label, options) => {
    const log = JSON.parse(renderSarif(sampleReport, options));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the schema check can fail: a result with an invalid level is rejected", () => {
    const log = buildSarifLog(sampleReport);
    run(log).results[0]!.level = "catastrophic";
    expect(validate(log)).toBe(false);
  });

  it("carries rule metadata code scanning shows", () => {
    const rule = run(buildSarifLog(sampleReport)).tool.driver.rules.find(
      (candidate) => candidate.id === "sample.public-access",
    );
    expect(rule).toMatchObject({
      shortDescription: { text: "No anonymous access" },
      fullDescription: { text: "Anonymous reads expose data to anyone with the URL." },
      defaultConfiguration: { level: "error" },
      properties: { "security-severity": "9.5", tags: expect.arrayContaining(["security", "CIS 9.3.8"]) },
    });
    expect(rule?.help.text).toContain(
      "az storage account update -g <group> -n <account> --allow-blob-public-access false",
    );
    // In Markdown a bare `<group>` is an HTML tag and renders as nothing.
    expect(rule?.help.markdown).toContain("-g &lt;group&gt; -n &lt;account&gt; --allow-blob-public-access false");
    expect(rule?.help.markdown).toContain("- Azure Policy 4fa4b6c0-31ca-4c0d-b10d-24b96f62a751");
  });

  it("reports fails and suppressed fails as results located at the resource id; errors as notifications", () => {
    const sarif = run(buildSarifLog(sampleReport, { artifactUri: "environments/dev.json" }));
    expect(
      sarif.results.map((result) => [
        result.ruleId,
        result.level,
        result.locations[0]?.logicalLocations[0]?.fullyQualifiedName,
      ]),
    ).toEqual([
      ["sample.public-access", "error", ACCOUNT_ID],
      ["sample.tls", "error", ACCOUNT_ID],
      ["sample.versioning", "note", OTHER_ID],
    ]);
    expect(sarif.results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe("environments/dev.json");
    expect(sarif.results[1]?.suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "legacy client <until> migration (until 2099-01-01)" },
    ]);
    expect(sarif.results[0]?.partialFingerprints["ruleResource/v1"]).not.toBe(
      sarif.results[1]?.partialFingerprints["ruleResource/v1"],
    );
    expect(sarif.invocations[0]).toMatchObject({ executionSuccessful: false });
    expect(sarif.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it("includes the expired-suppression rule when such a finding exists, and the log stays valid", () => {
    const findings = applySuppressions(
      sampleReport.findings,
      [{ rule: "sample.tls", resource: "**", justification: "old exception, long expired", expires: "2020-01-01" }],
      new Date("2026-11-26T00:00:00Z"),
    );
    const log = buildSarifLog({ ...sampleReport, findings });
    expect(run(log).tool.driver.rules.map((rule) => rule.id)).toContain("audit.suppression-expired");
    expect(validate(log)).toBe(true);
  });
});
