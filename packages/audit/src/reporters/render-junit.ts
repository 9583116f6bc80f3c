import type { AuditReport } from "../audit-report.ts";
import type { Finding } from "../finding.ts";

/**
 * JUnit XML: one testsuite per rule, one testcase per rule x resource. fail -> <failure>, error -> <error>,
 * suppressed and not-applicable -> <skipped> with the reason, so CI test views show the whole picture.
 */
export function renderJunit(report: AuditReport, suiteName = "infra-audit"): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.ruleId, list);
  }
  const totals = counts(report.findings);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(suiteName)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">`,
  ];
  for (const [ruleId, findings] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const suite = counts(findings);
    lines.push(
      `  <testsuite name="${attr(ruleId)}" tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}">`,
    );
    for (const finding of findings) lines.push(...testcase(finding));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

function testcase(finding: Finding): string[] {
  const open = `    <testcase classname="${attr(finding.ruleId)}" name="${attr(finding.resourceId)}">`;
  const evidence = finding.evidence
    .map(
      (item) =>
        `${item.path} = ${JSON.stringify(item.actual) ?? "(absent)"}${item.expected ? ` (expected ${item.expected})` : ""}`,
    )
    .join("\n");
  switch (finding.status) {
    case "pass":
      return [`    <testcase classname="${attr(finding.ruleId)}" name="${attr(finding.resourceId)}"/>`];
    case "fail":
      return [
        open,
        `      <failure type="${finding.severity}" message="${attr(finding.message)}">${text(evidence)}</failure>`,
        "    </testcase>",
      ];
    case "error":
      return [open, `      <error type="could-not-evaluate" message="${attr(finding.message)}"/>`, "    </testcase>"];
    case "suppressed":
      return [
        open,
        `      <skipped message="${attr(`suppressed until ${finding.suppression?.expires ?? "?"}: ${finding.suppression?.justification ?? ""}`)}"/>`,
        "    </testcase>",
      ];
    case "not-applicable":
      return [open, `      <skipped message="${attr(`not applicable: ${finding.message}`)}"/>`, "    </testcase>"];
  }
}

function counts(findings: readonly Finding[]): { tests: number; failures: number; errors: number; skipped: number } {
  return {
    tests: findings.length,
    failures: findings.filter((finding) => finding.status === "fail").length,
    errors: findings.filter((finding) => finding.status === "error").length,
    skipped: findings.filter((finding) => finding.status === "suppressed" || finding.status === "not-applicable")
      .length,
  };
}

function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\r?\n/g, "&#10;");
}
