import type { Finding } from "./finding.ts";
import { compileResourcePattern } from "./resource-pattern.ts";
import type { RuleMetadata } from "./rule.ts";
import type { Suppression } from "./suppression.ts";

export const SUPPRESSION_EXPIRED_RULE_ID = "audit.suppression-expired";

/** The rule behind the finding an expired suppression raises; reporters list it like any other rule. */
export const suppressionExpiredRule: RuleMetadata = {
  id: SUPPRESSION_EXPIRED_RULE_ID,
  title: "Suppression has expired",
  severity: "medium",
  rationale:
    "An exception was accepted until a date that has passed. It no longer hides anything: the findings it covered are reported again, and the exception needs a fresh review.",
  remediation:
    "Fix the underlying findings and delete the suppression, or review it again and set a new expiry date in the suppression file.",
  references: {},
  resourceType: "suppression",
};

/**
 * Marks `fail` findings covered by an active suppression as `suppressed` (they stay in the report). Errors are never
 * suppressed: something that could not be evaluated is not an accepted risk. Each expired suppression is reported
 * as a finding of its own and suppresses nothing.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  now: Date,
): Finding[] {
  const active = suppressions
    .filter((suppression) => !isExpired(suppression, now))
    .map((suppression) => ({ suppression, pattern: compileResourcePattern(suppression.resource) }));

  const result: Finding[] = findings.map((finding) => {
    if (finding.status !== "fail") return finding;
    const match = active.find(
      ({ suppression, pattern }) => suppression.rule === finding.ruleId && pattern.test(finding.resourceId),
    );
    if (match === undefined) return finding;
    return {
      ...finding,
      status: "suppressed",
      suppression: {
        justification: match.suppression.justification,
        expires: match.suppression.expires,
        resourcePattern: match.suppression.resource,
      },
    };
  });

  for (const suppression of suppressions.filter((candidate) => isExpired(candidate, now))) {
    result.push({
      ruleId: SUPPRESSION_EXPIRED_RULE_ID,
      severity: suppressionExpiredRule.severity,
      resourceId: suppression.resource,
      resourceType: suppressionExpiredRule.resourceType,
      status: "fail",
      message: `suppression of ${suppression.rule} expired on ${suppression.expires} ("${suppression.justification}")`,
      evidence: [{ path: "expires", actual: suppression.expires, expected: `>= ${now.toISOString().slice(0, 10)}` }],
    });
  }
  return result;
}

/** A suppression applies through its expiry date (inclusive, UTC) and is expired from the day after. */
export function isExpired(suppression: Suppression, now: Date): boolean {
  return now.toISOString().slice(0, 10) > suppression.expires;
}
