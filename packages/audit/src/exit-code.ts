import { ExitCode } from "@infra/cli";
import type { Finding } from "./finding.ts";
import { isAtOrAbove, type Severity } from "./severity.ts";

export interface ExitPolicy {
  /** Unsuppressed fail findings at or above this severity make the run exit 3. Default high. */
  readonly failOn?: Severity;
  /** Accept error findings (could not evaluate) instead of exiting 1. Default false: fail closed. */
  readonly allowIncomplete?: boolean;
}

/**
 * 1 when anything could not be evaluated (unless allowed): an incomplete audit must not look clean, and it outranks
 * 3 because its findings are not the whole story. Else 3 when unsuppressed fails at/above failOn remain. Else 0.
 */
export function auditExitCode(findings: readonly Finding[], policy: ExitPolicy = {}): ExitCode {
  const failOn = policy.failOn ?? "high";
  if (!policy.allowIncomplete && findings.some((finding) => finding.status === "error")) {
    return ExitCode.failure;
  }
  if (findings.some((finding) => finding.status === "fail" && isAtOrAbove(finding.severity, failOn))) {
    return ExitCode.needsAttention;
  }
  return ExitCode.ok;
}
