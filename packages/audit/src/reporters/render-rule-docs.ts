import type { RuleMetadata } from "../rule.ts";
import { renderRuleHelpMarkdown } from "../rule-help.ts";
import { severityRank } from "../severity.ts";

/** A Markdown page documenting rules: an index table, then one section per rule (id, severity, what, why, fix, refs). */
export function renderRuleDocs(rules: readonly RuleMetadata[], title = "Audit rules"): string {
  const sorted = [...rules].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id),
  );
  const lines = [`# ${title}`, "", "| rule | severity | checks |", "|---|---|---|"];
  for (const rule of sorted) {
    lines.push(`| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity} | ${rule.title} |`);
  }
  for (const rule of sorted) {
    lines.push("", `## ${rule.id}`, "", `**${rule.title}**`, "", renderRuleHelpMarkdown(rule));
  }
  return `${lines.join("\n")}\n`;
}

/** GitHub's heading anchors: lower case, dots dropped, spaces to dashes. */
function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}
