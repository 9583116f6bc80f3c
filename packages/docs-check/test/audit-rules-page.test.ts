import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REGENERATE_AUDIT_RULES, renderAuditRulesPage } from "../src/audit-rules-page.ts";
import { auditRulesPagePath } from "../src/repo-paths.ts";

describe("docs/audit-rules.md", () => {
  it("matches the rule metadata", async () => {
    const committed = readFileSync(auditRulesPagePath, "utf8");
    const current = await renderAuditRulesPage();
    // A plain boolean first, so the failure message leads with the fix rather than a long diff.
    expect(
      committed === current,
      `docs/audit-rules.md is stale; regenerate it with \`${REGENERATE_AUDIT_RULES}\``,
    ).toBe(true);
  });

  it("lists every storage, identity, governance and suppression rule with why and how to fix", async () => {
    const page = await renderAuditRulesPage();
    expect(page).toContain("## storage.minimum-tls");
    expect(page).toMatch(/## governance\./);
    expect(page).toContain("## identity.branch-federated-credential");
    expect(page).toContain("## audit.suppression-expired");
    expect(page).toContain("**Why it matters.**");
    expect(page).toContain("**How to fix.**");
    // Placeholders like <group> would be taken for HTML tags and vanish when rendered.
    expect(page).not.toMatch(/<[a-z][a-z-]*>/);
  });
});
