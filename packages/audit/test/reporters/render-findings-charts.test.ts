import { loadMermaid, mermaidBlocks, parseMermaid } from "@infra/plan/mermaid-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit-report.ts";
import { compareRuns } from "../../src/compare-runs.ts";
import type { Finding, FindingStatus } from "../../src/finding.ts";
import { renderFindingsCharts } from "../../src/reporters/render-findings-charts.ts";
import { renderMarkdown } from "../../src/reporters/render-markdown.ts";
import type { Severity } from "../../src/severity.ts";
import { sampleReport, sampleRules } from "../sample-report.ts";

function finding(ruleId: string, severity: Severity, name: string, status: FindingStatus = "fail"): Finding {
  return {
    ruleId,
    severity,
    resourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`,
    resourceType: "Microsoft.Storage/storageAccounts",
    status,
    message: "m",
    evidence: [],
  };
}
const report = (findings: Finding[]): AuditReport => ({ rules: sampleRules, findings });

const text = (lines: string[]) => lines.join("\n");

beforeAll(() => loadMermaid(), 60_000);
describe("renderFindingsCharts", () => {
  it.each([
    { name: "nothing failed: no chart", findings: [finding("a.b", "high", "x", "pass")], blocks: [] },
    {
      name: "a pie of the fails by severity (suppressed and errors are not fails) and a bar per rule",
      findings: [
        finding("storage.tls", "high", "x"),
        finding("storage.tls", "high", "y"),
        finding("storage.public", "critical", "x"),
        finding("storage.public", "critical", "y", "suppressed"),
        finding("storage.logs", "low", "x", "error"),
      ],
      blocks: [
        'pie showData title Failed checks by severity\n  "critical" : 1\n  "high" : 2\n',
        'xychart-beta horizontal\n  title "Failed checks by rule"\n  x-axis ["storage.tls", "storage.public"]\n  y-axis "failed checks" 0 --> 2\n  bar [2, 1]\n',
      ],
    },
  ])("$name", async ({ findings, blocks }) => {
    const markdown = text(renderFindingsCharts(report(findings)));
    expect(mermaidBlocks(markdown)).toEqual(blocks);
    for (const block of blocks) await parseMermaid(block);
  });

  it("sums the rules past the limit into one bar, so the chart stays readable", async () => {
    const findings = Array.from({ length: 6 }, (_, index) =>
      Array.from({ length: 6 - index }, (_, n) => finding(`rule.r${index}`, "medium", `a${n}`)),
    ).flat();
    const [, bars = ""] = mermaidBlocks(text(renderFindingsCharts(report(findings), { maxRules: 3 })));
    expect(bars).toContain('x-axis ["rule.r0", "rule.r1", "4 other rules"]');
    expect(bars).toContain("bar [6, 5, 10]");
    await parseMermaid(bars);
  });

  it("compares with the previous run: totals by severity, and which fails are new or resolved", async () => {
    const previous = report([finding("storage.tls", "high", "x"), finding("storage.tls", "high", "y")]);
    const current = report([
      finding("storage.tls", "high", "x"),
      finding("storage.tls", "high", "y", "pass"),
      finding("storage.public", "critical", "z"),
    ]);
    const trend = compareRuns(previous, current);
    expect(trend.appeared.map((entry) => entry.resourceId.split("/").at(-1))).toEqual(["z"]);
    expect(trend.resolved.map((entry) => entry.resourceId.split("/").at(-1))).toEqual(["y"]);
    const markdown = text(renderFindingsCharts(current, { trend }));
    expect(markdown).toContain("### Since the previous run: 1 new, 1 resolved");
    expect(markdown).toContain("| critical | 0 | 1 | +1 |");
    expect(markdown).toContain("| high | 2 | 1 | -1 |");
    expect(markdown).toContain("| **all** | 2 | 2 | 0 |");
    expect(markdown).toMatch(/<summary>New fails \(1\)<\/summary>[\s\S]*storageAccounts\/z/);
    const blocks = mermaidBlocks(markdown);
    expect(blocks[2]).toContain("bar [1, 1, 0, 0, 0]");
    expect(blocks[2]).toContain("line [0, 2, 0, 0, 0]");
    for (const block of blocks) await parseMermaid(block);
  });
});

describe("renderMarkdown with charts", () => {
  it("puts the charts under the table of fails by severity, each one a diagram Mermaid draws", async () => {
    const markdown = renderMarkdown(sampleReport);
    const blocks = mermaidBlocks(markdown);
    expect(blocks.map((block) => block.split("\n")[0])).toEqual([
      "pie showData title Failed checks by severity",
      "xychart-beta horizontal",
    ]);
    expect(markdown.indexOf("```mermaid")).toBeGreaterThan(markdown.indexOf("| failed | critical"));
    expect(markdown.indexOf("```mermaid")).toBeLessThan(markdown.indexOf("### Resources"));
    for (const block of blocks) expect(await parseMermaid(block)).toMatch(/^(pie|xychart)$/);
  });
});

describe("renderMarkdown of a tenant", () => {
  it("stays under GitHub's 1 MiB job summary limit, counting what it leaves to the JSON report", () => {
    const findings = Array.from({ length: 20_000 }, (_, index) =>
      finding("storage.tls", "high", `account${String(index).padStart(5, "0")}`),
    );
    const markdown = renderMarkdown(report(findings));
    expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024);
    expect(markdown).toContain("### Resources (20000)");
    expect(markdown).toContain("_and 19700 more resources: see the JSON report (`--format json`)_");
    expect(markdown).toContain("_and 19700 more failing resources");
    expect(markdown).toContain("> 20000 resources, 20000 checks: 20000 failed (20000 high)");
  }, 60_000);
});
