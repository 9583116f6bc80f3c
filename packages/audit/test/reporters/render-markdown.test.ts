import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/reporters/render-markdown.ts";
import { renderRuleDocs } from "../../src/reporters/render-rule-docs.ts";
import { sampleReport, sampleRules } from "../sample-report.ts";

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(sampleReport);

  it("leads with the verdict and the summary line", () => {
    expect(markdown.split("\n").slice(0, 3)).toEqual([
      "## Azure audit: incomplete",
      "",
      "> 2 resources, 6 checks: 2 failed (1 critical, 1 low), 1 suppressed, 1 error, 1 passed, 1 not applicable",
    ]);
  });

  it("lists fails by severity, errors, and suppressions in a details block; escapes table breakers", () => {
    expect(markdown).toContain("### Failed (2)");
    expect(markdown.indexOf("| critical | `sample.public-access`")).toBeLessThan(
      markdown.indexOf("| low | `sample.versioning`"),
    );
    expect(markdown).toContain("versioning \\| off");
    expect(markdown).toContain("### Could not evaluate (1)");
    expect(markdown).toContain("403 &#38; co");
    expect(markdown).toContain("<summary>Suppressed (1)</summary>");
    expect(markdown).toContain("legacy client &#60;until&#62; migration | 2099-01-01 |");
  });

  it("says all checks passed when they did", () => {
    const clean = renderMarkdown({
      rules: sampleRules,
      findings: sampleReport.findings.filter((f) => f.status === "pass"),
    });
    expect(clean.split("\n")[0]).toBe("## Azure audit: all checks passed");
    expect(clean).not.toContain("### Failed");
  });
});

describe("renderRuleDocs", () => {
  it("documents every rule, most severe first, with what, why, fix and references", () => {
    const docs = renderRuleDocs(sampleRules);
    expect(docs).toContain("| [`sample.public-access`](#samplepublic-access) | critical | No anonymous access |");
    expect(docs.indexOf("## sample.public-access")).toBeLessThan(docs.indexOf("## sample.tls"));
    expect(docs.indexOf("## sample.tls")).toBeLessThan(docs.indexOf("## sample.versioning"));
    expect(docs).toContain("**How to fix.** az storage account update --allow-blob-public-access false");
    expect(docs).toContain("- PSRule Azure.Storage.BlobPublicAccess");
  });
});
