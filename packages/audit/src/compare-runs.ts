import type { AuditReport } from "./audit-report.ts";
import type { Finding } from "./finding.ts";
import { type FindingSummary, summarizeFindings } from "./summarize-findings.ts";

/** This run against the previous one: the totals of each, and which unsuppressed fails appeared or went away. */
export interface FindingsTrend {
  readonly previous: FindingSummary;
  readonly current: FindingSummary;
  /** Fails now that were not fails before (new resources, regressions). */
  readonly appeared: readonly Finding[];
  /** Fails before that are not fails now (fixed, suppressed, or the resource is gone). */
  readonly resolved: readonly Finding[];
}

const key = (finding: Finding): string => `${finding.ruleId}|${finding.resourceId.toLowerCase()}`;

export function compareRuns(previous: AuditReport, current: AuditReport): FindingsTrend {
  const failing = (report: AuditReport) =>
    new Map(report.findings.filter((finding) => finding.status === "fail").map((finding) => [key(finding), finding]));
  const before = failing(previous);
  const now = failing(current);
  return {
    previous: summarizeFindings(previous.findings),
    current: summarizeFindings(current.findings),
    appeared: [...now].filter(([id]) => !before.has(id)).map(([, finding]) => finding),
    resolved: [...before].filter(([id]) => !now.has(id)).map(([, finding]) => finding),
  };
}
