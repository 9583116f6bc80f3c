export { applySuppressions, SUPPRESSION_EXPIRED_RULE_ID, suppressionExpiredRule } from "./apply-suppressions.ts";
export type { AuditReport } from "./audit-report.ts";
export { DEFAULT_TOOL, rulesById } from "./audit-report.ts";
export type { ArmResource, AuditedResource, RelatedDocument } from "./audited-resource.ts";
export { readable, unreadable } from "./audited-resource.ts";
export type { CheckResult, CheckStatus, Evidence } from "./check-result.ts";
export { fail, notApplicable, pass } from "./check-result.ts";
export { compareRuns, type FindingsTrend } from "./compare-runs.ts";
export { deleteLockVerdict, type ManagementLock } from "./delete-lock-verdict.ts";
export { RelatedDocumentError, SuppressionFileError } from "./errors.ts";
export { appliesTo, evaluateRule, evaluateRules, unreadableResourceFindings } from "./evaluate-rules.ts";
export type { ExitPolicy } from "./exit-code.ts";
export { auditExitCode } from "./exit-code.ts";
export type { AppliedSuppression, Finding, FindingStatus } from "./finding.ts";
export { isAbsent } from "./is-absent.ts";
export {
  type MergedAudit,
  type MergeInput,
  type MergeOptions,
  mergeReports,
  REPORT_MISSING_RULE_ID,
  reportMissingRule,
} from "./merge-reports.ts";
export { AuditReportFileError, parseJsonReport } from "./parse-json-report.ts";
export { readSuppressionFile } from "./read-suppression-file.ts";
export type { ReportShard } from "./report-shard.ts";
export { type FindingsChartOptions, renderFindingsCharts } from "./reporters/render-findings-charts.ts";
export { jsonReportPieces, renderJson } from "./reporters/render-json.ts";
export { renderJunit } from "./reporters/render-junit.ts";
export { renderMarkdown } from "./reporters/render-markdown.ts";
export { renderRuleDocs } from "./reporters/render-rule-docs.ts";
export type { TerminalOptions } from "./reporters/render-terminal.ts";
export { renderTerminal, shouldUseColor } from "./reporters/render-terminal.ts";
export { requireRelated } from "./require-related.ts";
export { compileResourcePattern, matchesResourcePattern } from "./resource-pattern.ts";
export type { AuditContext, Rule, RuleMetadata, RuleReferences } from "./rule.ts";
export { ANY_RESOURCE_TYPE, ruleMetadata } from "./rule.ts";
export { formatReferences, renderRuleHelpMarkdown, renderRuleHelpText } from "./rule-help.ts";
export { codeScanningFileProblems, codeScanningProblems } from "./sarif/code-scanning-problems.ts";
export type { SarifSources, SourceFile } from "./sarif/locate-finding.ts";
export type { EnvironmentDeclaration } from "./sarif/read-sarif-sources.ts";
export { RULE_DOCS_PATH, readSarifSources } from "./sarif/read-sarif-sources.ts";
export type { SarifOptions } from "./sarif/render-sarif.ts";
export { buildSarifLog, renderSarif, SARIF_SCHEMA_URI } from "./sarif/render-sarif.ts";
export { sarifCategory } from "./sarif/sarif-category.ts";
export type { Severity } from "./severity.ts";
export { isAtOrAbove, isSeverity, SEVERITIES, severityRank } from "./severity.ts";
export type { FindingSummary } from "./summarize-findings.ts";
export { summarizeFindings, summaryLine } from "./summarize-findings.ts";
export type { Suppression } from "./suppression.ts";
export { isExpired, parseSuppressions, suppressionFileSchema } from "./suppression.ts";
