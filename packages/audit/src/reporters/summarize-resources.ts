import type { Finding, FindingStatus } from "../finding.ts";
import { type Severity, severityRank } from "../severity.ts";

/** What one resource's checks came to: the rows of a report's per-resource table. */
export interface ResourceSummary {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  /** The most severe unsuppressed fail, if any. */
  readonly worst?: Severity;
}

/** One summary per resource (ids compared case-insensitively, as ARM does): incomplete first, then worst failures. */
export function summarizeResources(findings: readonly Finding[]): ResourceSummary[] {
  const byResource = new Map<
    string,
    { resourceId: string; resourceType: string; byStatus: Record<FindingStatus, number>; worst?: Severity }
  >();
  for (const finding of findings) {
    const key = finding.resourceId.toLowerCase();
    let entry = byResource.get(key);
    if (entry === undefined) {
      entry = {
        resourceId: finding.resourceId,
        resourceType: finding.resourceType,
        byStatus: { pass: 0, fail: 0, suppressed: 0, error: 0, "not-applicable": 0 },
      };
      byResource.set(key, entry);
    }
    entry.byStatus[finding.status]++;
    if (
      finding.status === "fail" &&
      (entry.worst === undefined || severityRank(finding.severity) < severityRank(entry.worst))
    ) {
      entry.worst = finding.severity;
    }
  }
  return [...byResource.values()].sort(
    (a, b) =>
      Number(b.byStatus.error > 0) - Number(a.byStatus.error > 0) ||
      rank(a.worst) - rank(b.worst) ||
      b.byStatus.fail - a.byStatus.fail ||
      a.resourceId.localeCompare(b.resourceId),
  );
}

function rank(severity: Severity | undefined): number {
  return severity === undefined ? Number.POSITIVE_INFINITY : severityRank(severity);
}
