export { REGENERATE_AUDIT_RULES, renderAuditRulesPage } from "./audit-rules-page.ts";
export { type CodeSnippet, codeSnippets, normalisedWhitespace } from "./code-snippets.ts";
export { extractShellCommands, type ShellCommand } from "./extract-shell-commands.ts";
export { auditRulesPagePath, docsDir, readmePath, repoRoot } from "./repo-paths.ts";
