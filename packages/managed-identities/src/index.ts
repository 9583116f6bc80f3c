export { identityAddress, MANAGED_IDENTITIES_TASK } from "./addresses.ts";
export { branchFederatedCredentialRule } from "./audit/branch-federated-credential.ts";
export { identitiesAudit } from "./audit/identities-audit.ts";
export type { IdentityAuditContext } from "./audit/identity-audit-context.ts";
export { identityRules } from "./audit/identity-rules.ts";
export { desiredIdentities } from "./desired-identities.ts";
export { IDENTITY_KIND, identityId, identityLocation } from "./identity-ids.ts";
export { identityKind } from "./identity-kind.ts";
export { identityPrincipals, principalResolver } from "./identity-principals.ts";
export {
  declaredIdentityNames,
  type ManagedIdentitiesSection,
  type ManagedIdentityConfig,
  managedIdentitiesSection,
} from "./managed-identities-section.ts";
export { msiClient } from "./msi-client.ts";
export { isPendingPrincipal, pendingPrincipal } from "./pending-principal.ts";
export { managedIdentitiesTask } from "./task.ts";
