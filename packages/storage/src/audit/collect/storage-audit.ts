import type { ArmResource } from "@infra/audit/rules";
import { processReadPacer, type ReadPacer } from "@infra/auth";
import type { Environment } from "@infra/environments";
import type { TaskAudit } from "@infra/task";
import { subscriptionAudit } from "@infra/task/audit-subscriptions";
import { type StorageAuditContext, storageAuditContext } from "../storage-audit-context.ts";
import { storageRules } from "../storage-rules.ts";
import { collectStorageSubscription } from "./collect-storage-subscription.ts";
import { storageAuditClients } from "./storage-audit-clients.ts";

export interface StorageAuditOptions {
  /** A pacer of its own (tests and benchmarks read its stats); default: the process one every ARM client shares. */
  pacer?: ReadPacer;
  /** Accounts read at once per subscription (default 8: three reads each keeps ~24 requests in flight). */
  concurrency?: number;
}

/**
 * The storage task's audit: every storage account in the scope's subscriptions (audited concurrently), owned by this
 * repo or not, through list calls plus the per-account reads ARM has no list for, then `storageRules` with the
 * context the environment gives each account.
 */
export function createStorageAudit(options: StorageAuditOptions = {}): TaskAudit {
  return subscriptionAudit({
    name: "storage audit",
    noun: "accounts",
    rules: storageRules,
    async prepare(scope, context) {
      const pacer = options.pacer ?? processReadPacer;
      const contextFor = await accountContexts(scope.environment, context.now);
      return {
        read: (subscriptionId) =>
          collectStorageSubscription(
            {
              subscriptionId,
              resourceGroup: scope.resourceGroup,
              concurrency: options.concurrency ?? 8,
              signal: context.signal,
            },
            storageAuditClients(context.azure, subscriptionId, pacer),
            storageRules,
          ),
        contextFor: (account) => contextFor(account.resource),
      };
    },
  });
}

/**
 * How each account is judged. The environment's declarations are read through its sections (their zod schemas), loaded
 * only when the audit was given an environment: an audit of a subscription starts without them.
 */
async function accountContexts(
  environment: Environment | undefined,
  now: Date,
): Promise<(account: ArmResource) => StorageAuditContext> {
  if (environment === undefined) {
    const neutral = storageAuditContext({ now });
    return () => neutral;
  }
  const { storageContextFor } = await import("./storage-context-for.ts");
  return (account) => storageContextFor(account, environment, now);
}

/** The storage audit with default pacing and concurrency. */
export const storageAudit: TaskAudit = createStorageAudit();
