/**
 * A role assignment needs its identity's principal id, which exists only once the identity does. For an identity the
 * same apply creates, the plan carries this marker instead (shown like terraform's "known after apply"); the
 * role-assignment kind resolves it when it runs, after the identity (it depends on it).
 */
const PREFIX = "(known after apply: principal of ";

export function pendingPrincipal(identityId: string): string {
  return `${PREFIX}${identityId})`;
}

export function isPendingPrincipal(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX) && value.endsWith(")");
}

export function pendingPrincipalIdentity(value: string): string {
  return value.slice(PREFIX.length, -1);
}
