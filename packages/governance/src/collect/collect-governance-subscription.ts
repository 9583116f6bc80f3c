import { ROLE_ASSIGNMENT_KIND } from "@infra/arm/names";
import { listWire, readWire } from "@infra/arm/wire-reads";
import { isArmResource, readRelated, scopeContains } from "@infra/audit/collect";
import {
  ANY_RESOURCE_TYPE,
  type ArmResource,
  type AuditedResource,
  type Finding,
  type RelatedDocument,
  type RuleMetadata,
  readable,
  unreadableResourceFindings,
} from "@infra/audit/rules";
import { GOVERNANCE_RELATED, RESOURCE_GROUP_TYPE, SUBSCRIPTION_TYPE } from "../related-documents.ts";
import { appliesAt } from "./applies-at.ts";
import type { GovernanceAuditClients } from "./governance-audit-clients.ts";

export interface GovernanceSubscriptionScope {
  readonly subscriptionId: string;
  /** Only this group and what is in it (the subscription itself is then out of scope). */
  readonly resourceGroup?: string | undefined;
  readonly signal: AbortSignal;
}

export interface GovernanceSubscriptionResult {
  readonly audited: AuditedResource[];
  /** Error findings for what could not even be listed. */
  readonly findings: Finding[];
}

const LOCK_TYPE = "Microsoft.Authorization/locks";

/**
 * Five reads per subscription, all list calls except the subscription itself: the subscription, its groups, every
 * resource (one list, split by group here), role assignments and locks. Each result is mapped onto the subscription,
 * the groups and the resources; a failed list becomes `unreadable` on everything that needed it, or error findings
 * when what failed is the list of the resources to audit.
 */
export async function collectGovernanceSubscription(
  scope: GovernanceSubscriptionScope,
  clients: GovernanceAuditClients,
  rules: readonly RuleMetadata[],
): Promise<GovernanceSubscriptionResult> {
  const options = { abortSignal: scope.signal };
  const subscriptionId = `/subscriptions/${scope.subscriptionId}`;
  const [subscription, groups, resources, assignments, locks] = await Promise.all([
    readRelated(() => readWire(() => clients.subscriptions.subscriptions.get(scope.subscriptionId, options))),
    readRelated(() => listWire(() => clients.resources.resourceGroups.list(options))),
    readRelated(() => listWire(() => clients.resources.resources.list(options))),
    readRelated(() => listWire(() => clients.authorization.roleAssignments.listForSubscription(options))),
    readRelated(() => listWire(() => clients.locks.managementLocks.listAtSubscriptionLevel(options))),
  ]);
  const findings: Finding[] = [];
  const audited: AuditedResource[] = [];
  const wanted = scope.resourceGroup?.toLowerCase();
  const inGroup = (id: string) =>
    wanted === undefined || scopeContains(`${subscriptionId}/resourceGroups/${wanted}`, id);
  const mapped = (document: RelatedDocument, resourceId: string, type: string): RelatedDocument =>
    document.status === "ok" ? readable(appliesAt(resourceId, arrayOf(document.value), type)) : document;

  if (wanted === undefined) {
    if (subscription.status === "ok" && typeof subscription.value === "object" && subscription.value !== null) {
      const wire = subscription.value as Record<string, unknown>;
      const resource: ArmResource = {
        ...wire,
        id: subscriptionId,
        name: typeof wire.displayName === "string" ? wire.displayName : scope.subscriptionId,
        type: SUBSCRIPTION_TYPE, // ARM sends subscriptions without a type
      };
      audited.push({
        resource,
        related: { [GOVERNANCE_RELATED.roleAssignments]: mapped(assignments, subscriptionId, ROLE_ASSIGNMENT_KIND) },
      });
    } else {
      findings.push(
        ...unreadableResourceFindings(rules, { id: subscriptionId, type: SUBSCRIPTION_TYPE }, reasonOf(subscription)),
      );
    }
  }

  const resourceItems = resources.status === "ok" ? arrayOf(resources.value).filter(isArmResource) : [];
  if (resources.status === "unreadable") {
    const collection = { id: `${subscriptionId}/resources`, type: ANY_RESOURCE_TYPE };
    findings.push(...unreadableResourceFindings(rules, collection, reasonOf(resources)));
  }
  if (groups.status === "ok") {
    for (const group of arrayOf(groups.value).filter(isArmResource)) {
      if (!inGroup(group.id)) continue;
      const contents: RelatedDocument =
        resources.status === "ok"
          ? readable(resourceItems.filter((item) => scopeContains(group.id, item.id) && item.id !== group.id))
          : resources;
      audited.push({
        resource: { ...group, type: group.type || RESOURCE_GROUP_TYPE },
        related: {
          [GOVERNANCE_RELATED.resources]: contents,
          [GOVERNANCE_RELATED.roleAssignments]: mapped(assignments, group.id, ROLE_ASSIGNMENT_KIND),
          [GOVERNANCE_RELATED.locks]: mapped(locks, group.id, LOCK_TYPE),
        },
      });
    }
  } else {
    const collection = { id: `${subscriptionId}/resourceGroups`, type: RESOURCE_GROUP_TYPE };
    findings.push(...unreadableResourceFindings(rules, collection, reasonOf(groups)));
  }
  for (const item of resourceItems) {
    if (inGroup(item.id)) audited.push({ resource: item, related: {} });
  }
  return { audited, findings };
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Why a document could not be read (its reason already names the request, status and ARM code). */
function reasonOf(document: RelatedDocument): string {
  return document.status === "unreadable" ? document.reason : "not read";
}
