import type { Rule } from "@infra/audit/rules";
import { branchFederatedCredentialRule } from "./branch-federated-credential.ts";
import type { IdentityAuditContext } from "./identity-audit-context.ts";

/** Every rule the managed-identities audit runs (docs/audit-rules.md lists them from here). */
export const identityRules: readonly Rule<IdentityAuditContext>[] = [branchFederatedCredentialRule];
