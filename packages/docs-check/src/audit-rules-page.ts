import { type RuleMetadata, renderRuleDocs, reportMissingRule, suppressionExpiredRule } from "@infra/audit";
import { governanceRules } from "@infra/governance";
import { identityRules } from "@infra/managed-identities";
import { storageRules } from "@infra/storage";

/** How to regenerate the page; printed in it and in the staleness test's failure. */
export const REGENERATE_AUDIT_RULES = "pnpm --filter @infra/docs-check generate";

/**
 * docs/audit-rules.md: every rule the audit runs, from the rules' own metadata (id, severity, what, why, fix, refs),
 * the audit's own rules included (an expired suppression, a part of a split audit that did not report). SARIF results on resources no environment declares point at
 * their rule's `## <rule id>` heading here.
 */
export function renderAuditRulesPage(): string {
  const rules = [...storageRules, ...identityRules, ...governanceRules, suppressionExpiredRule, reportMissingRule];
  const page = renderRuleDocs(rules.map(withPlaceholdersShown));
  const [title = "", ...rest] = page.split("\n");
  const note = [
    "",
    `<!-- Generated from the rule metadata in @infra/storage, @infra/managed-identities, @infra/governance and @infra/audit by \`${REGENERATE_AUDIT_RULES}\`. Do not edit. -->`,
    "",
    "What `pnpm run audit` checks. Each id is what suppressions and SARIF alerts key on; a code scanning alert on a",
    "resource no environment declares is shown at its rule's heading here. Exit code 3 means a finding at or above",
    "`--fail-on` (default `high`). Suppress a finding with an expiring entry in the suppressions file, never by editing a",
    "rule.",
  ];
  return [title, ...note, ...rest].join("\n");
}

// Remediations carry placeholders such as `-g <group>`; Markdown renderers take `<group>` for an HTML tag and drop it.
function withPlaceholdersShown(rule: RuleMetadata): RuleMetadata {
  const shown = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return { ...rule, title: shown(rule.title), rationale: shown(rule.rationale), remediation: shown(rule.remediation) };
}
