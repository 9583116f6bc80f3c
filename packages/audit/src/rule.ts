import type { AuditedResource } from "./audited-resource.ts";
import type { CheckResult } from "./check-result.ts";
import type { Severity } from "./severity.ts";

/** Where the same check lives in the tools people already know; ids exactly as those tools spell them. */
export interface RuleReferences {
  readonly cis?: readonly string[];
  readonly azurePolicy?: readonly string[];
  readonly psrule?: readonly string[];
  readonly prowler?: readonly string[];
  readonly checkov?: readonly string[];
  readonly urls?: readonly string[];
}

/** Everything about a rule except its check: what reporters and docs need. */
export interface RuleMetadata {
  /** `<area>.<kebab-name>`, e.g. `storage.secure-transfer`. Stable: suppressions and SARIF alerts key on it. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why it matters. */
  readonly rationale: string;
  /** How to fix it, ideally with the exact command. */
  readonly remediation: string;
  readonly references: RuleReferences;
  /**
   * ARM resource type the rule checks, e.g. `Microsoft.Storage/storageAccounts` (matched case-insensitively), or
   * ANY_RESOURCE_TYPE for rules over every resource (tags, locations).
   */
  readonly resourceType: string;
  /** Names of related documents the check may read, so collectors know what to fetch. */
  readonly related?: readonly string[];
}

export const ANY_RESOURCE_TYPE = "*";

/** Context every rule gets; task packages extend it with their environment settings. */
export interface AuditContext {
  /** Injected so key-age and expiry logic is testable. */
  readonly now: Date;
}

/** A pure check over wire JSON. It may throw RelatedDocumentError (or anything): the finding becomes `error`. */
export interface Rule<TContext extends AuditContext = AuditContext> extends RuleMetadata {
  check(audited: AuditedResource, context: TContext): CheckResult;
}

/** Strips the check, for reporters. */
export function ruleMetadata(rule: RuleMetadata): RuleMetadata {
  const { id, title, severity, rationale, remediation, references, resourceType, related } = rule;
  return related === undefined
    ? { id, title, severity, rationale, remediation, references, resourceType }
    : { id, title, severity, rationale, remediation, references, resourceType, related };
}
