import { markdownText } from "./reporters/markdown-text.ts";
import type { RuleMetadata, RuleReferences } from "./rule.ts";

/** References as people say them: `CIS 9.3.4`, `Azure Policy 404c3081-...`, `PSRule Azure.Storage.SecureTransfer`. */
export function formatReferences(references: RuleReferences): string[] {
  return [
    ...(references.cis ?? []).map((id) => `CIS ${id}`),
    ...(references.azurePolicy ?? []).map((id) => `Azure Policy ${id}`),
    ...(references.psrule ?? []).map((id) => `PSRule ${id}`),
    ...(references.prowler ?? []).map((id) => `Prowler ${id}`),
    ...(references.checkov ?? []).map((id) => `Checkov ${id}`),
    ...(references.urls ?? []),
  ];
}

export function renderRuleHelpText(rule: RuleMetadata): string {
  const references = formatReferences(rule.references);
  return [
    `${rule.title} (${rule.severity})`,
    `Why: ${rule.rationale}`,
    `Fix: ${rule.remediation}`,
    ...(references.length > 0 ? [`References: ${references.join("; ")}`] : []),
  ].join("\n");
}

/** Help body shared by SARIF `help.markdown` and the rule docs page; placeholders such as `<group>` stay visible. */
export function renderRuleHelpMarkdown(rule: RuleMetadata): string {
  const references = formatReferences(rule.references);
  return [
    `**Severity:** ${rule.severity} · **Resource type:** \`${rule.resourceType}\``,
    "",
    `**Why it matters.** ${markdownText(rule.rationale)}`,
    "",
    `**How to fix.** ${markdownText(rule.remediation)}`,
    ...(references.length > 0 ? ["", "**References:**", ...references.map((reference) => `- ${reference}`)] : []),
  ].join("\n");
}
