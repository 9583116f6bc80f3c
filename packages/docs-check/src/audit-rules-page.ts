import {
  type RuleMetadata,
  renderRuleDocs,
  reportMissingRule,
  ruleMetadata,
  suppressionExpiredRule,
} from "@infra/audit";
import { loadTaskDefinitions, TASK_PACKAGES } from "@infra/tasks";

/** How to regenerate the page; printed in it and in the staleness test's failure. */
export const REGENERATE_AUDIT_RULES = "pnpm --filter @infra/docs-check generate";

/**
 * docs/audit-rules.md: every rule the audit runs, from the rules' own metadata (id, severity, what, why, fix, refs),
 * the audit's own rules included (an expired suppression, a part of a split audit that did not report). SARIF results on resources no environment declares point at
 * their rule's `## <rule id>` heading here.
 */
export async function renderAuditRulesPage(): Promise<string> {
  const tasks = await loadTaskDefinitions();
  const audits = await Promise.all(tasks.map((task) => task.audit?.()));
  const rules = [
    ...audits.flatMap((audit) => audit?.rules ?? []),
    ...[suppressionExpiredRule, reportMissingRule].map(ruleMetadata),
  ];
  const page = renderRuleDocs(rules.map(withPlaceholdersShown));
  const [title = "", ...rest] = page.split("\n");
  const note = [
    "",
    `<!-- Generated from the rule metadata of every task in @infra/tasks (${TASK_PACKAGES.join(", ")}) and @infra/audit by \`${REGENERATE_AUDIT_RULES}\`. Do not edit. -->`,
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
