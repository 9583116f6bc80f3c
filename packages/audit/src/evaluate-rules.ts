import type { AuditedResource } from "./audited-resource.ts";
import { RelatedDocumentError } from "./errors.ts";
import type { Finding } from "./finding.ts";
import { ownerEnvironment } from "./owner-environment.ts";
import { ANY_RESOURCE_TYPE, type AuditContext, type Rule, type RuleMetadata } from "./rule.ts";

/**
 * Runs every rule whose resource type matches over every resource. Anything a rule throws becomes an `error`
 * finding for that rule x resource: fail closed, and the other rules still run.
 */
export function evaluateRules<TContext extends AuditContext>(
  rules: readonly Rule<TContext>[],
  resources: readonly AuditedResource[],
  context: TContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const audited of resources) {
    for (const rule of rules) {
      if (!appliesTo(rule, audited.resource.type)) continue;
      findings.push(evaluateRule(rule, audited, context));
    }
  }
  return findings;
}

/** Resource types compare case-insensitively (ARM returns the casing last written); `*` matches every type. */
export function appliesTo(rule: RuleMetadata, resourceType: string): boolean {
  return rule.resourceType === ANY_RESOURCE_TYPE || rule.resourceType.toLowerCase() === resourceType.toLowerCase();
}

export function evaluateRule<TContext extends AuditContext>(
  rule: Rule<TContext>,
  audited: AuditedResource,
  context: TContext,
): Finding {
  const owner = ownerEnvironment(audited.resource.tags);
  const base = {
    ruleId: rule.id,
    severity: rule.severity,
    resourceId: audited.resource.id,
    resourceType: audited.resource.type,
    ...(owner === undefined ? {} : { ownerEnvironment: owner }),
  };
  try {
    const result = rule.check(audited, context);
    return { ...base, status: result.status, message: result.message, evidence: result.evidence };
  } catch (error) {
    const message =
      error instanceof RelatedDocumentError
        ? `could not evaluate: ${error.message}`
        : `could not evaluate: rule threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    return { ...base, status: "error", message, evidence: [] };
  }
}

/** One error finding per rule for a resource whose own read failed (403, 5xx, throttling exhausted). */
export function unreadableResourceFindings(
  rules: readonly RuleMetadata[],
  resource: { readonly id: string; readonly type: string },
  reason: string,
): Finding[] {
  return rules
    .filter((rule) => appliesTo(rule, resource.type))
    .map((rule) => ({
      ruleId: rule.id,
      severity: rule.severity,
      resourceId: resource.id,
      resourceType: resource.type,
      status: "error" as const,
      message: `could not evaluate: ${reason}`,
      evidence: [],
    }));
}
