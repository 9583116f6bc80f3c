// `pnpm --filter @infra/docs-check generate`: rewrites docs/audit-rules.md from the rule metadata.
import { mkdir, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { renderAuditRulesPage } from "./audit-rules-page.ts";
import { auditRulesPagePath, docsDir, repoRoot } from "./repo-paths.ts";

await mkdir(docsDir, { recursive: true });
await writeFile(auditRulesPagePath, await renderAuditRulesPage());
process.stderr.write(`docs-check => wrote ${relative(repoRoot, auditRulesPagePath)}\n`);
