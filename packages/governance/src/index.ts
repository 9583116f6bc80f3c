export { createGovernanceAudit, type GovernanceAuditOptions, governanceAudit } from "./collect/governance-audit.ts";
export type { GovernanceAuditContext } from "./governance-audit-context.ts";
export { governanceAuditContext } from "./governance-audit-context.ts";
export { governanceRules } from "./governance-rules.ts";
export { GOVERNANCE_RELATED, OWNER_ROLE_ID, RESOURCE_GROUP_TYPE, SUBSCRIPTION_TYPE } from "./related-documents.ts";
export { governanceTask } from "./task.ts";
