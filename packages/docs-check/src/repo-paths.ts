import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "..", "..", "..");
export const readmePath = join(repoRoot, "README.md");
export const docsDir = join(repoRoot, "docs");
export const auditRulesPagePath = join(docsDir, "audit-rules.md");
