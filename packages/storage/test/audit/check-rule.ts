import type { ArmResource } from "@infra/audit/rules";
import { evaluateRule, type Finding } from "@infra/audit/rules";
import type { StorageAuditContext } from "../../src/audit/storage-audit-context.ts";
import type { StorageRule } from "../../src/audit/storage-rule.ts";
import { audited, context } from "./arm-fixtures.ts";

/** Runs one rule through the real evaluator, so thrown errors become `error` findings exactly as in an audit. */
export function runRule(
  rule: StorageRule,
  resource: ArmResource,
  related: Record<string, unknown> = {},
  overrides: Partial<StorageAuditContext> = {},
): Finding {
  return evaluateRule(rule, audited(resource, related), { ...context, ...overrides });
}
