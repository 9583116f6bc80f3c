import type { Rule } from "@infra/audit/rules";
import { STORAGE_ACCOUNT_TYPE } from "./related-documents.ts";
import type { StorageAuditContext } from "./storage-audit-context.ts";

export type StorageRule = Rule<StorageAuditContext>;

/** Every storage rule checks the account; related documents hang off it. */
export function storageAccountRule(rule: Omit<StorageRule, "resourceType">): StorageRule {
  return { resourceType: STORAGE_ACCOUNT_TYPE, ...rule };
}
