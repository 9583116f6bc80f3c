import { accountLocationOf, getWire, storageAccountId } from "@infra/arm";
import type { DesiredResource, ResourceKind, WireObject } from "@infra/plan";
import { accountChildOwnership } from "./account-child-ownership.ts";
import { existingAccounts } from "./existing-accounts.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

interface ServiceCalls {
  get(resourceGroup: string, account: string, signal: AbortSignal | undefined): Promise<unknown>;
  set(resourceGroup: string, account: string, settings: WireObject, signal: AbortSignal): Promise<unknown>;
}

/**
 * `blobServices/default` and `fileServices/default`: settings singletons that exist with their account, so create and
 * update are one PUT and there is nothing to delete on its own. The SDK models are the wire `properties` flattened,
 * with the same names, so the desired `properties` object is passed as it is.
 */
export function accountServiceKind(
  options: StorageKindOptions,
  kind: string,
  segment: "blobServices" | "fileServices",
  calls: ServiceCalls,
  address: (account: string) => string,
): ResourceKind {
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const { resourceGroup, name } = accountLocationOf(desired.id);
    await calls.set(resourceGroup, name, (desired.properties.properties ?? {}) as WireObject, signal);
  };
  return {
    kind,
    tagsPath: null,
    readOwnership: () => accountChildOwnership(options.environment),
    addressOf: (live) => address(accountLocationOf(live.id).name),
    async readLive(request) {
      const found = await Promise.all(
        (await existingAccounts(options, request.signal)).map(async (account) => {
          const body = await getWire(() => calls.get(account.resourceGroup, account.name, request.signal));
          const id = `${storageAccountId(request.subscriptionId, account)}/${segment}/default`;
          return body ? [{ id, kind, body }] : [];
        }),
      );
      return found.flat();
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete() {
      // The service singleton lives and dies with its account.
    },
  };
}
