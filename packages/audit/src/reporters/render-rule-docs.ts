import type { RuleMetadata } from "../rule.ts";
import { renderRuleHelpMarkdown } from "../rule-help.ts";
import { severityRank } from "../severity.ts";
import { markdownCell, markdownText } from "./markdown-text.ts";
import { ruleDocsAnchor } from "./rule-docs-anchor.ts";

/** A Markdown page documenting rules: an index table, then one section per rule (id, severity, what, why, fix, refs). */
export function renderRuleDocs(rules: readonly RuleMetadata[], title = "Audit rules"): string {
  const sorted = [...rules].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id),
  );
  const lines = [`# ${title}`, "", "| rule | severity | checks |", "|---|---|---|"];
  for (const rule of sorted) {
    lines.push(`| [\`${rule.id}\`](#${ruleDocsAnchor(rule.id)}) | ${rule.severity} | ${markdownCell(rule.title)} |`);
  }
  // Report links point at these headings (`ruleDocsAnchor`): keep each rule's heading its bare id.
  for (const rule of sorted) {
    lines.push("", `## ${rule.id}`, "", `**${markdownText(rule.title)}**`, "", renderRuleHelpMarkdown(rule));
  }
  return `${lines.join("\n")}\n`;
}
