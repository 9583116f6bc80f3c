import type { Evidence } from "./check-result.ts";
import type { Severity } from "./severity.ts";

/** `error` = could not evaluate (unreadable data, crashed rule): never counted as a pass. */
export type FindingStatus = "pass" | "fail" | "suppressed" | "error" | "not-applicable";

export interface AppliedSuppression {
  readonly justification: string;
  readonly expires: string;
  readonly resourcePattern: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly resourceId: string;
  readonly resourceType: string;
  readonly status: FindingStatus;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /**
   * The environment named by the resource's ownership tags when this repository manages it; absent for a resource
   * that is not ours or could not be read. Reports use it to point at the file that declares the resource.
   */
  readonly ownerEnvironment?: string;
  /** Present when status is `suppressed`. */
  readonly suppression?: AppliedSuppression;
}
