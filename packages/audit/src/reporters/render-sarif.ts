import { createHash } from "node:crypto";
import { type AuditReport, DEFAULT_TOOL, rulesById } from "../audit-report.ts";
import type { Finding } from "../finding.ts";
import type { RuleMetadata } from "../rule.ts";
import { formatReferences, renderRuleHelpMarkdown, renderRuleHelpText } from "../rule-help.ts";
import type { Severity } from "../severity.ts";

export interface SarifOptions {
  /**
   * Repository-relative file to anchor results to (e.g. the environment file). GitHub code scanning requires a
   * physical location on every result; the logical location (the resource id) is always present.
   */
  readonly artifactUri?: string;
  /** `runAutomationDetails.id`, e.g. `audit/prod/`, so code scanning keeps separate environments apart. */
  readonly category?: string;
  /** Include passing checks as `kind: "pass"` results (off by default: code scanning only needs problems). */
  readonly includePassed?: boolean;
}

/** GitHub maps >= 9 critical, >= 7 high, >= 4 medium, > 0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** A SARIF 2.1.0 log with one run: rules with help, results for fails (suppressed ones marked), errors as notifications. */
export function buildSarifLog(report: AuditReport, options: SarifOptions = {}): Record<string, unknown> {
  const tool = report.tool ?? DEFAULT_TOOL;
  const rules = [...rulesById(report).values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const reported = report.findings.filter(
    (finding) =>
      finding.status === "fail" ||
      finding.status === "suppressed" ||
      (options.includePassed === true && finding.status === "pass"),
  );
  const errors = report.findings.filter((finding) => finding.status === "error");

  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri === undefined ? {} : { informationUri: tool.informationUri }),
            rules: rules.map(sarifRule),
          },
        },
        ...(options.category === undefined ? {} : { automationDetails: { id: options.category } }),
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((finding) => ({
              level: "error",
              message: { text: `${finding.ruleId} on ${finding.resourceId}: ${finding.message}` },
              associatedRule: { id: finding.ruleId, ...referenceIndex(ruleIndex, finding.ruleId) },
              locations: [location(finding, options)],
            })),
          },
        ],
        results: reported.map((finding) => sarifResult(finding, ruleIndex, options)),
      },
    ],
  };
}

export function renderSarif(report: AuditReport, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarifLog(report, options), null, 2)}\n`;
}

function sarifRule(rule: RuleMetadata): Record<string, unknown> {
  const references = formatReferences(rule.references);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: renderRuleHelpText(rule), markdown: renderRuleHelpMarkdown(rule) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.severity],
      precision: "very-high",
      "problem.severity": LEVEL[rule.severity] === "note" ? "recommendation" : LEVEL[rule.severity],
      tags: ["security", "azure", rule.resourceType, ...references.filter((reference) => reference.startsWith("CIS "))],
    },
  };
}

function sarifResult(
  finding: Finding,
  ruleIndex: ReadonlyMap<string, number>,
  options: SarifOptions,
): Record<string, unknown> {
  const evidence = finding.evidence
    .map((item) => `${item.path} = ${JSON.stringify(item.actual) ?? "(absent)"}`)
    .join("; ");
  return {
    ruleId: finding.ruleId,
    ...indexOf(ruleIndex, finding.ruleId),
    kind: finding.status === "pass" ? "pass" : "fail",
    level: finding.status === "pass" ? "none" : LEVEL[finding.severity],
    message: { text: `${finding.resourceId}: ${finding.message}${evidence ? ` (${evidence})` : ""}` },
    locations: [location(finding, options)],
    // Every result shares the same physical line, so the fingerprint is what tells alerts apart across runs.
    partialFingerprints: {
      "ruleResource/v1": createHash("sha256")
        .update(`${finding.ruleId}|${finding.resourceId.toLowerCase()}`)
        .digest("hex"),
    },
    ...(finding.suppression === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: "external",
              status: "accepted",
              justification: `${finding.suppression.justification} (until ${finding.suppression.expires})`,
            },
          ],
        }),
    properties: { resourceType: finding.resourceType, evidence: finding.evidence },
  };
}

function location(finding: Finding, options: SarifOptions): Record<string, unknown> {
  return {
    ...(options.artifactUri === undefined
      ? {}
      : { physicalLocation: { artifactLocation: { uri: options.artifactUri }, region: { startLine: 1 } } }),
    logicalLocations: [{ fullyQualifiedName: finding.resourceId, kind: "resource" }],
  };
}

function indexOf(ruleIndex: ReadonlyMap<string, number>, ruleId: string): { ruleIndex?: number } {
  const index = ruleIndex.get(ruleId);
  return index === undefined ? {} : { ruleIndex: index };
}

/** A reportingDescriptorReference spells it `index`, a result `ruleIndex`. */
function referenceIndex(ruleIndex: ReadonlyMap<string, number>, ruleId: string): { index?: number } {
  const index = ruleIndex.get(ruleId);
  return index === undefined ? {} : { index };
}

function pascalCase(id: string): string {
  return id
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
