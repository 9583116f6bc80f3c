/** What a rule saw: the wire property path, the value found there (undefined = absent), and what it wanted. */
export interface Evidence {
  readonly path: string;
  readonly actual: unknown;
  readonly expected?: string;
}

export type CheckStatus = "pass" | "fail" | "not-applicable";

export interface CheckResult {
  readonly status: CheckStatus;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

export function pass(message: string, ...evidence: Evidence[]): CheckResult {
  return { status: "pass", message, evidence };
}

export function fail(message: string, ...evidence: Evidence[]): CheckResult {
  return { status: "fail", message, evidence };
}

export function notApplicable(message: string, ...evidence: Evidence[]): CheckResult {
  return { status: "not-applicable", message, evidence };
}
