import { access } from "node:fs/promises";
import { join } from "node:path";
import { type AuditReport, applySuppressions, readSuppressionFile } from "@infra/audit";

/** The repo's reviewed suppressions, beside the environments they apply to. */
export function defaultSuppressionFile(repoRoot: string): string {
  return join(repoRoot, "packages", "environments", "audit-suppressions.json");
}

/** Applies the suppression file when there is one; an explicitly named file must exist. */
export async function withSuppressions(
  report: AuditReport,
  file: string,
  explicit: boolean,
  now: Date,
): Promise<AuditReport> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists && !explicit) return report;
  const suppressions = await readSuppressionFile(file);
  return { ...report, findings: applySuppressions(report.findings, suppressions, now) };
}
