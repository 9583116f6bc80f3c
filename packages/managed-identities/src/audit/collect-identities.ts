import type { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { IDENTITY_KIND, identityLocation } from "@infra/arm/names";
import { listWire } from "@infra/arm/wire-reads";
import { isAbortError, isArmResource, mapConcurrent, readRelated, unreadableFindings } from "@infra/audit/collect";
import type { AuditedResource, Finding, RuleMetadata } from "@infra/audit/rules";
import { FEDERATED_CREDENTIALS } from "./identity-audit-context.ts";

export interface IdentitySubscriptionScope {
  readonly subscriptionId: string;
  readonly resourceGroup?: string | undefined;
  readonly signal: AbortSignal;
}

/** What one subscription gave: identities to evaluate, and error findings for what could not even be listed. */
export interface IdentitySubscriptionResult {
  readonly audited: AuditedResource[];
  readonly findings: Finding[];
}

/** Identities whose credentials are listed at once: one request each, well inside ARM's read limits. */
const CONCURRENCY = 8;

/**
 * Lists the subscription's identities once (every page), then each identity's federated credentials (ARM has no
 * subscription-wide list of them). A failed identity list yields error findings against the subscription's identity
 * collection; a failed credential list makes that document unreadable, so the rules report errors, never a pass.
 */
export async function collectIdentities(
  scope: IdentitySubscriptionScope,
  client: ManagedServiceIdentityClient,
  rules: readonly RuleMetadata[],
): Promise<IdentitySubscriptionResult> {
  const options = { abortSignal: scope.signal };
  let identities: unknown[];
  try {
    identities = await listWire(() => client.userAssignedIdentities.listBySubscription(options));
  } catch (error) {
    if (isAbortError(error)) throw error;
    const collection = `/subscriptions/${scope.subscriptionId}/providers/${IDENTITY_KIND}`;
    return { audited: [], findings: unreadableFindings(rules, { id: collection, type: IDENTITY_KIND }, error) };
  }
  const group = scope.resourceGroup?.toLowerCase();
  const inScope = identities
    .filter(isArmResource)
    .filter((identity) => group === undefined || identityLocation(identity.id).group.toLowerCase() === group);
  const audited = await mapConcurrent(inScope, CONCURRENCY, async (identity): Promise<AuditedResource> => {
    const { group: identityGroup, name } = identityLocation(identity.id);
    const credentials = await readRelated(() =>
      listWire(() => client.federatedIdentityCredentials.list(identityGroup, name, options)),
    );
    return { resource: identity, related: { [FEDERATED_CREDENTIALS]: credentials } };
  });
  return { audited, findings: [] };
}
