import type { StorageManagementClient } from "@azure/arm-storage";
import type { AccountLocation } from "@infra/arm";
import { listWireOrPerGroup } from "@infra/arm";
import type { WireObject } from "@infra/plan";

/**
 * The subscription's storage accounts, listed once for all the storage kinds that read at the same time (the engine
 * reads every kind in parallel). Settings under an account (blob and file service, containers, lifecycle) have no
 * subscription-wide list, so they are read per account — but only for accounts that exist: a new environment costs
 * one list, not four reads per account, which matters under ARM's 250-read bucket.
 */
export interface AccountDirectory {
  list(signal?: AbortSignal): Promise<WireObject[]>;
  /** Those of `accounts` that exist now. */
  existing<T extends AccountLocation>(accounts: readonly T[], signal?: AbortSignal): Promise<T[]>;
}

/** `resourceGroups`: the environment's, read one by one when ARM refuses the subscription-wide list. */
export function accountDirectory(
  client: StorageManagementClient,
  resourceGroups: readonly string[] | undefined,
): AccountDirectory {
  let inFlight: Promise<WireObject[]> | undefined;
  const list = (signal?: AbortSignal): Promise<WireObject[]> => {
    // Shared while in flight only: the next plan (or the re-read before apply) lists afresh.
    inFlight ??= listWireOrPerGroup(
      {
        subscription: () => client.storageAccounts.list({ abortSignal: signal }),
        group: (name) => client.storageAccounts.listByResourceGroup(name, { abortSignal: signal }),
      },
      resourceGroups,
    ).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  return {
    list,
    async existing(accounts, signal) {
      const names = new Set((await list(signal)).map((body) => String(body.name).toLowerCase()));
      return accounts.filter((account) => names.has(account.name.toLowerCase()));
    },
  };
}
