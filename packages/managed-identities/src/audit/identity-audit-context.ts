import type { AuditContext } from "@infra/audit/rules";

/** What the identity rules know beyond the resource: settings from the environment, when the audit has one. */
export interface IdentityAuditContext extends AuditContext {
  /** The GitHub repository's default branch (`managedIdentities.defaultBranch`, `main` without an environment). */
  readonly defaultBranch: string;
}

/** The related document the collector reads for each identity: its federated credentials, as ARM lists them. */
export const FEDERATED_CREDENTIALS = "federatedIdentityCredentials";
