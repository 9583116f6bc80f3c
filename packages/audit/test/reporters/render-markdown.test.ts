import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/finding.ts";
import { renderMarkdown } from "../../src/reporters/render-markdown.ts";
import { renderRuleDocs } from "../../src/reporters/render-rule-docs.ts";
import { ACCOUNT_ID, sampleReport, sampleRules } from "../sample-report.ts";

const DOCS = "https://github.com/acme/infra/blob/abc123/docs/audit-rules.md";

/** Every GFM table in the page: runs of lines starting with `|`, each split into cells on unescaped pipes. */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = [];
      found.push(current);
    }
    current.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return found;
}

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(sampleReport, { ruleDocsUrl: DOCS });

  it("leads with the verdict, the summary line and the fails by severity", () => {
    expect(markdown.split("\n").slice(0, 7)).toEqual([
      "## Azure audit: incomplete",
      "",
      "> 2 resources, 6 checks: 2 failed (1 critical, 1 low), 1 suppressed, 1 error, 1 passed, 1 not applicable",
      "",
      "| failed | critical | high | medium | low | info |",
      "|---|---:|---:|---:|---:|---:|",
      "| **2** | 1 | 0 | 0 | 1 | 0 |",
    ]);
  });

  it("has one row per resource with short names and what failed and passed, so passing resources show", () => {
    const resources = tables(markdown)[1];
    expect(resources).toEqual([
      ["resource", "type", "failed", "could not evaluate", "suppressed", "passed", "not applicable"],
      ["---", "---", "---:", "---:", "---:", "---:", "---:"],
      ["rg-app/tidy", "storageAccounts", "**1** (worst: low)", "**1**", "0", "1", "0"],
      ["rg-app/brownfield", "storageAccounts", "**1** (worst: critical)", "0", "1", "0", "1"],
    ]);
    expect(renderMarkdown({ rules: sampleRules, findings: sampleReport.findings.slice(0, 2) })).toContain(
      "| rg-app/tidy | storageAccounts | 0 | 1 | 0 |",
    );
  });

  it("groups fails by resource, most severe first, with the full id under a short heading and rules linked", () => {
    const failed = markdown.slice(markdown.indexOf("### Failed (2)"));
    expect(failed.indexOf("#### rg-app/brownfield: 1 failed")).toBeLessThan(
      failed.indexOf("#### rg-app/tidy: 1 failed"),
    );
    expect(failed).toContain(`#### rg-app/brownfield: 1 failed\n\n\`${ACCOUNT_ID}\`\n\n| severity | rule | finding |`);
    expect(failed).toContain(
      `| critical | [\`sample.public-access\`](${DOCS}#samplepublic-access) | allowBlobPublicAccess is true |`,
    );
    // The finding tables carry no full ids: they are what squeezed the finding column.
    for (const table of tables(failed).slice(0, 2)) expect(table.flat().join(" ")).not.toContain("/subscriptions/");
  });

  it("lists what could not be evaluated and folds suppressions and full ids away; escapes what breaks a table", () => {
    expect(markdown).toContain(
      `| rg-app/tidy | [\`sample.tls\`](${DOCS}#sampletls) | could not evaluate: 403 &amp; co |`,
    );
    expect(markdown).toContain("versioning \\| off");
    expect(markdown).toContain("<summary>Suppressed (1)</summary>");
    expect(markdown).toContain("| legacy client &lt;until&gt; migration | 2099-01-01 |");
    expect(markdown).toContain("<summary>Resource ids (2)</summary>");
    expect(markdown).toContain(`| rg-app/brownfield | \`${ACCOUNT_ID}\` |`);
  });

  it("writes valid tables: every row has as many cells as its header, and a delimiter row", () => {
    const found = tables(markdown);
    expect(found).toHaveLength(7);
    for (const table of found) {
      const width = table[0]!.length;
      expect(table.map((row) => row.length)).toEqual(table.map(() => width));
      expect(table[1]!.every((cell) => /^-{3,}:?$/.test(cell))).toBe(true);
    }
  });

  it("names rules without links when it does not know where the rules page is", () => {
    const plain = renderMarkdown(sampleReport);
    expect(plain).toContain("| critical | `sample.public-access` | allowBlobPublicAccess is true |");
    expect(plain).not.toContain("](");
  });

  it("prefixes the subscription when resources span several", () => {
    const other: Finding = {
      ...sampleReport.findings[0]!,
      resourceId: ACCOUNT_ID.replace("00000000-0000-0000-0000-000000000001", "22222222-0000-0000-0000-000000000002"),
    };
    const text = renderMarkdown({ rules: sampleRules, findings: [sampleReport.findings[0]!, other] });
    expect(text).toContain("#### 00000000/rg-app/brownfield: 1 failed");
    expect(text).toContain("#### 22222222/rg-app/brownfield: 1 failed");
  });

  it("says all checks passed when they did", () => {
    const clean = renderMarkdown({
      rules: sampleRules,
      findings: sampleReport.findings.filter((f) => f.status === "pass"),
    });
    expect(clean.split("\n")[0]).toBe("## Azure audit: all checks passed");
    expect(clean).not.toContain("### Failed");
    expect(clean).toContain(`| rg-app/tidy | storageAccounts | 0 | 1 | 0 |`);
  });
});

describe("renderRuleDocs", () => {
  it("documents every rule, most severe first, with what, why, fix and references", () => {
    const docs = renderRuleDocs(sampleRules);
    expect(docs).toContain("| [`sample.public-access`](#samplepublic-access) | critical | No anonymous access |");
    expect(docs.indexOf("## sample.public-access")).toBeLessThan(docs.indexOf("## sample.tls"));
    expect(docs.indexOf("## sample.tls")).toBeLessThan(docs.indexOf("## sample.versioning"));
    expect(docs).toContain("- PSRule Azure.Storage.BlobPublicAccess");
  });

  it("keeps placeholders visible: `<group>` would render as an (empty) HTML tag", () => {
    const docs = renderRuleDocs(sampleRules);
    expect(docs).toContain(
      "**How to fix.** az storage account update -g &lt;group&gt; -n &lt;account&gt; --allow-blob-public-access false",
    );
    expect(docs).toContain("**Why it matters.** Old TLS versions | have known weaknesses &lt;sic&gt;.");
    // Text already escaped (as docs-check used to do) is not escaped twice.
    expect(renderRuleDocs(sampleRules.map((rule) => ({ ...rule, remediation: "-g &lt;group&gt;" })))).toContain(
      "**How to fix.** -g &lt;group&gt;",
    );
  });
});
