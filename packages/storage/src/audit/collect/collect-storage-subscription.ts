import { listWire } from "@infra/arm/wire-reads";
import { isAbortError, isArmResource, mapConcurrent, readRelated, unreadableFindings } from "@infra/audit/collect";
import type { AuditedResource, Finding, RuleMetadata } from "@infra/audit/rules";
import { parseArmResourcePath } from "@infra/cli";
import { STORAGE_ACCOUNT_TYPE } from "../related-documents.ts";
import { collectAccount, type SubscriptionLocks } from "./collect-account.ts";
import type { StorageAuditClients } from "./storage-audit-clients.ts";

export interface StorageSubscriptionScope {
  readonly subscriptionId: string;
  readonly resourceGroup?: string | undefined;
  /** Accounts read at once (each is up to three requests). */
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

/** What one subscription gave: accounts to evaluate, and error findings for what could not even be listed. */
export interface StorageSubscriptionResult {
  readonly audited: AuditedResource[];
  readonly findings: Finding[];
}

/**
 * Lists the subscription's accounts once (every page; filtered to the group when the scope names one) and its locks
 * once, then reads each account's documents in bounded concurrency. A failed account list yields error findings for
 * every storage rule against the subscription's account collection: nothing listed must not look like nothing wrong.
 */
export async function collectStorageSubscription(
  scope: StorageSubscriptionScope,
  clients: StorageAuditClients,
  rules: readonly RuleMetadata[],
): Promise<StorageSubscriptionResult> {
  const options = { abortSignal: scope.signal };
  const [accounts, locks] = await Promise.all([
    listWire(() => clients.storage.storageAccounts.list(options)).catch((error: unknown) => {
      if (isAbortError(error)) throw error;
      return error instanceof Error ? error : new Error(String(error));
    }),
    readRelated(() => listWire(() => clients.locks.managementLocks.listAtSubscriptionLevel(options))),
  ]);
  if (accounts instanceof Error) {
    const collection = `/subscriptions/${scope.subscriptionId}/providers/${STORAGE_ACCOUNT_TYPE}`;
    return {
      audited: [],
      findings: unreadableFindings(rules, { id: collection, type: STORAGE_ACCOUNT_TYPE }, accounts),
    };
  }
  const group = scope.resourceGroup?.toLowerCase();
  const inScope = accounts
    .filter(isArmResource)
    .filter(
      (account) => group === undefined || parseArmResourcePath(account.id).resourceGroup?.toLowerCase() === group,
    );
  const subscriptionLocks: SubscriptionLocks =
    locks.status === "ok" ? { status: "ok", value: Array.isArray(locks.value) ? locks.value : [] } : locks;
  const audited = await mapConcurrent(inScope, scope.concurrency, (account) =>
    collectAccount(account, clients, subscriptionLocks, scope.signal),
  );
  return { audited, findings: [] };
}
