import type { ArmResource } from "@infra/audit/rules";
import type { Environment } from "@infra/environments";
import { environmentAccounts } from "../../provision/environment-accounts.ts";
import { type StorageAuditContext, storageAuditContext } from "../storage-audit-context.ts";

/**
 * The context one account is judged by. With an environment: its naming prefix and protection, and the network mode
 * the environment declares for that account, its lock account included (publicNetworkAccess Disabled -> private,
 * else selected networks); an
 * account the environment does not declare gets selected networks. Without one: neutral defaults, no prefix.
 */
export function storageContextFor(
  account: ArmResource,
  environment: Environment | undefined,
  now: Date,
): StorageAuditContext {
  if (environment === undefined) return storageAuditContext({ now });
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(account.id)?.[1] ?? "";
  const declared = environmentAccounts(environment, subscriptionId).find(
    (item) => item.name.toLowerCase() === account.name.toLowerCase(),
  );
  return storageAuditContext({
    now,
    namePrefix: environment.namingPrefix,
    protected: environment.protected,
    network: declared?.network.publicNetworkAccess === "Disabled" ? "private" : "selected-networks",
  });
}
