/**
 * What a task's rules and collectors need: the rule model, results, evaluation. Light to load (no reporters, no SARIF,
 * no schemas), so a task process that audits starts quickly; the index adds what the root command needs to report.
 */
export type { ArmResource, AuditedResource, RelatedDocument } from "./audited-resource.ts";
export { readable, unreadable } from "./audited-resource.ts";
export type { CheckResult, Evidence } from "./check-result.ts";
export { fail, notApplicable, pass } from "./check-result.ts";
export { deleteLockVerdict, type ManagementLock } from "./delete-lock-verdict.ts";
export { RelatedDocumentError } from "./errors.ts";
export { evaluateRule, evaluateRules, unreadableResourceFindings } from "./evaluate-rules.ts";
export type { Finding } from "./finding.ts";
export { isAbsent } from "./is-absent.ts";
export { requireRelated } from "./require-related.ts";
export type { AuditContext, Rule, RuleMetadata } from "./rule.ts";
export { ANY_RESOURCE_TYPE, ruleMetadata } from "./rule.ts";
export type { Severity } from "./severity.ts";
export { isAtOrAbove, isSeverity, SEVERITIES } from "./severity.ts";
