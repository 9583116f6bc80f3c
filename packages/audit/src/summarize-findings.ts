import type { Finding, FindingStatus } from "./finding.ts";
import { SEVERITIES, type Severity } from "./severity.ts";

export interface FindingSummary {
  readonly resources: number;
  readonly checks: number;
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  /** Unsuppressed fails only. */
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const byStatus: Record<FindingStatus, number> = { pass: 0, fail: 0, suppressed: 0, error: 0, "not-applicable": 0 };
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  const resources = new Set<string>();
  for (const finding of findings) {
    byStatus[finding.status]++;
    resources.add(finding.resourceId.toLowerCase());
    if (finding.status === "fail") failedBySeverity[finding.severity]++;
  }
  return { resources: resources.size, checks: findings.length, byStatus, failedBySeverity };
}

/** `12 resources, 40 checks: 3 failed (1 critical, 2 high), 1 suppressed, 0 errors, 30 passed, 6 not applicable` */
export function summaryLine(summary: FindingSummary): string {
  const severities = SEVERITIES.filter((severity) => summary.failedBySeverity[severity] > 0)
    .map((severity) => `${summary.failedBySeverity[severity]} ${severity}`)
    .join(", ");
  const { byStatus } = summary;
  return (
    `${summary.resources} resource${summary.resources === 1 ? "" : "s"}, ${summary.checks} check${summary.checks === 1 ? "" : "s"}: ` +
    `${byStatus.fail} failed${severities ? ` (${severities})` : ""}, ${byStatus.suppressed} suppressed, ` +
    `${byStatus.error} error${byStatus.error === 1 ? "" : "s"}, ${byStatus.pass} passed, ${byStatus["not-applicable"]} not applicable`
  );
}
