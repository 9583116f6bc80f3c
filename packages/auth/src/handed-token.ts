import type { CredentialName } from "./credential-names.ts";
import type { PresentedToken } from "./github-actions-credential.ts";

/**
 * An access token a root command signed in for, handed to the task processes it starts (over their loopback session,
 * never through the environment or a file) so that each does not sign in again: one sign-in per run, as one
 * DefaultAzureCredential would give one process. It carries the fingerprint of the credential configuration it was
 * made under (a hash, no secret); a process whose own configuration differs ignores it and signs in itself.
 */
export interface HandedToken {
  readonly configuration: string;
  readonly scope: string;
  readonly token: string;
  readonly expiresOnTimestamp: number;
  /** The credential of the chain that signed in, for the "signed in as" line. */
  readonly credential: CredentialName;
  readonly presented?: PresentedToken | undefined;
}

/**
 * A handed token is used until this close to its expiry, then the process signs in with its own chain. Longer than the
 * SDK's own refresh window (2 minutes), so a client never holds on to a token the process would no longer hand out.
 */
export const HANDED_TOKEN_MARGIN_MS = 5 * 60_000;

/** Whether `handed` answers a request for `scopes` at `now`. */
export function handedTokenServes(handed: HandedToken, scopes: string | readonly string[], now: number): boolean {
  const asked = typeof scopes === "string" ? [scopes] : scopes;
  return asked.length === 1 && asked[0] === handed.scope && handed.expiresOnTimestamp - now > HANDED_TOKEN_MARGIN_MS;
}
