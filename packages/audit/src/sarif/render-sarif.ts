import { createHash } from "node:crypto";
import { type AuditReport, DEFAULT_TOOL, rulesById } from "../audit-report.ts";
import type { Finding } from "../finding.ts";
import type { RuleMetadata } from "../rule.ts";
import { formatReferences, renderRuleHelpMarkdown, renderRuleHelpText } from "../rule-help.ts";
import type { Severity } from "../severity.ts";
import { locateFinding, type SarifSources } from "./locate-finding.ts";

export interface SarifOptions {
  /** The files results point into (`readSarifSources`): code scanning rejects a result without a file and line. */
  readonly sources: SarifSources;
  /** `runAutomationDetails.id` (`sarifCategory`), so code scanning keeps each environment's alerts apart. */
  readonly category: string;
  /** Include passing checks as `kind: "pass"` results (off by default: code scanning only needs problems). */
  readonly includePassed?: boolean;
}

/**
 * `properties.security-severity` per severity. Code scanning reads over 9.0 as critical, 7.0-8.9 high, 4.0-6.9
 * medium, 0.1-3.9 low, and 0.0 as no security severity: each value sits inside its band, info outside all of them.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
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

/** Repository-relative URIs: code scanning resolves them against the checkout, as CodeQL's `%SRCROOT%` ones. */
const SOURCE_ROOT = "%SRCROOT%";

/** A SARIF 2.1.0 log with one run: rules with help, results for fails (suppressed ones marked), errors as notifications. */
export function buildSarifLog(report: AuditReport, options: SarifOptions): Record<string, unknown> {
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
        automationDetails: { id: options.category },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((finding) => ({
              level: "error",
              message: { text: `${finding.ruleId} on ${finding.resourceId}: ${finding.message}` },
              associatedRule: { id: finding.ruleId, ...referenceIndex(ruleIndex, finding.ruleId) },
              locations: [location(finding, options.sources)],
            })),
          },
        ],
        results: reported.map((finding) => sarifResult(finding, ruleIndex, options.sources)),
      },
    ],
  };
}

export function renderSarif(report: AuditReport, options: SarifOptions): string {
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
  sources: SarifSources,
): Record<string, unknown> {
  const evidence = finding.evidence
    .map((item) => `${item.path} = ${JSON.stringify(item.actual) ?? "(absent)"}`)
    .join("; ");
  const fingerprint = findingFingerprint(finding);
  return {
    ruleId: finding.ruleId,
    ...indexOf(ruleIndex, finding.ruleId),
    kind: finding.status === "pass" ? "pass" : "fail",
    level: finding.status === "pass" ? "none" : LEVEL[finding.severity],
    message: { text: `${finding.resourceId}: ${finding.message}${evidence ? ` (${evidence})` : ""}` },
    locations: [location(finding, sources)],
    // Code scanning matches alerts across runs by `primaryLocationLineHash` alone, and upload-sarif fills it from the
    // located line only when absent. Unowned resources share their rule's line, so that hash would merge their
    // alerts: it is the rule and the resource instead, which keeps each finding's alert however lines move.
    partialFingerprints: { primaryLocationLineHash: fingerprint, "ruleResource/v1": fingerprint },
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

/** Rule id and lower-cased resource id (ARM ids are case-insensitive): stable while the finding stands. */
export function findingFingerprint(finding: Pick<Finding, "ruleId" | "resourceId">): string {
  return createHash("sha256").update(`${finding.ruleId}|${finding.resourceId.toLowerCase()}`).digest("hex");
}

function location(finding: Finding, sources: SarifSources): Record<string, unknown> {
  const { uri, region } = locateFinding(finding, sources);
  return {
    physicalLocation: { artifactLocation: { uri, uriBaseId: SOURCE_ROOT }, region },
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
