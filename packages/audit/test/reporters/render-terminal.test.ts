import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/reporters/render-json.ts";
import { renderTerminal, shouldUseColor } from "../../src/reporters/render-terminal.ts";
import { sampleReport } from "../sample-report.ts";

const ANSI = `${String.fromCharCode(27)}[`;

describe("renderTerminal", () => {
  it("groups by severity (errors first) and ends with the summary line, without colour", () => {
    const text = renderTerminal(sampleReport, { color: false });
    expect(text).not.toContain(ANSI);
    const headings = text.split("\n").filter((line) => /^[A-Z]/.test(line));
    expect(headings).toEqual(["COULD NOT EVALUATE (1)", "CRITICAL (1)", "HIGH (1)", "LOW (1)"]);
    const rows = text.split("\n").filter((line) => line.startsWith("  "));
    expect(rows).toContain("  FAIL        sample.public-access  rg-app/brownfield  allowBlobPublicAccess is true");
    // columns line up across severity groups
    expect(new Set(rows.map((row) => row.indexOf("sample.")))).toEqual(new Set([14]));
    expect(text).toContain("SUPPRESSED  sample.tls");
    expect(text).toContain("[suppressed until 2099-01-01: legacy client <until> migration]");
    expect(text).not.toContain("PASS");
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/^2 resources, 6 checks: 2 failed/);
  });

  it("keeps every line within the width it is given, continuing findings under their column", () => {
    const text = renderTerminal(sampleReport, { color: false, width: 60 });
    const lines = text.trimEnd().split("\n");
    expect(lines.filter((line) => line.length > 60)).toEqual([]);
    // Beside 44 columns of status, rule and resource, a 16-column finding would be unreadable: it goes below them.
    expect(lines).toContain("  FAIL        sample.public-access  rg-app/brownfield");
    expect(lines).toContain("        allowBlobPublicAccess is true");
    expect(lines.at(-2)).toBe("2 resources, 6 checks: 2 failed (1 critical, 1 low), 1");

    const wide = renderTerminal(sampleReport, { color: false, width: 90 }).split("\n");
    expect(wide.filter((line) => line.length > 90)).toEqual([]);
    const start = "  SUPPRESSED  sample.tls            rg-app/brownfield  ".length;
    const suppressed = wide.findIndex((line) => line.includes("SUPPRESSED"));
    expect(wide[suppressed]).toBe("  SUPPRESSED  sample.tls            rg-app/brownfield  minimumTlsVersion is TLS1_0");
    expect(wide[suppressed + 1]).toBe(`${" ".repeat(start)}[suppressed until 2099-01-01:`);
  });

  it("colours headings when asked and lists passes with showPassed", () => {
    const text = renderTerminal(sampleReport, { color: true, showPassed: true });
    expect(text).toContain(ANSI);
    expect(text).toContain("PASS");
  });

  it("says so when nothing needs attention", () => {
    const text = renderTerminal({ rules: [], findings: [] }, { color: false });
    expect(text).toContain("No findings need attention.");
  });

  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { TERM: "dumb" }, false],
    [false, { FORCE_COLOR: "1" }, true],
    [true, { FORCE_COLOR: "0" }, true],
  ])("shouldUseColor(isTTY=%s, %j) = %s", (isTTY, env, expected) => {
    expect(shouldUseColor(isTTY === undefined ? {} : { isTTY }, env)).toBe(expected);
  });
});

describe("renderJson", () => {
  it("round-trips the findings with a summary", () => {
    const json = JSON.parse(renderJson(sampleReport));
    expect(json.schemaVersion).toBe(1);
    expect(json.findings).toEqual(JSON.parse(JSON.stringify(sampleReport.findings)));
    expect(json.summary.byStatus.fail).toBe(2);
    expect(json.rules.map((rule: { id: string }) => rule.id)).toEqual([
      "sample.public-access",
      "sample.tls",
      "sample.versioning",
    ]);
  });
});
