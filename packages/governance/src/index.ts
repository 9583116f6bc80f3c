export { governanceAudit } from "./collect/governance-audit.ts";
export { governanceRules } from "./governance-rules.ts";
