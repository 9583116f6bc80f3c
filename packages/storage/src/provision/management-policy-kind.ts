import type { ManagementPolicySchema } from "@azure/arm-storage";
import { accountLocationOf, getWire, storageAccountId, storageAddress } from "@infra/arm";
import type { DesiredResource, ResourceKind, WireObject } from "@infra/plan";
import { accountChildOwnership } from "./account-child-ownership.ts";
import { existingAccounts } from "./existing-accounts.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";
import type { StorageKindOptions } from "./storage-kind-options.ts";

/**
 * managementPolicies/default (lifecycle). Read under every account of the environment, so a policy whose `lifecycle`
 * left the configuration is found as an owned leftover and deleted with --prune.
 */
export function managementPolicyKind(options: StorageKindOptions): ResourceKind {
  const client = storageClient(options.azure);
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const { resourceGroup, name } = accountLocationOf(desired.id);
    const policy = ((desired.properties.properties ?? {}) as WireObject).policy as ManagementPolicySchema;
    await client.managementPolicies.createOrUpdate(resourceGroup, name, "default", { policy }, { abortSignal: signal });
  };
  return {
    kind: STORAGE_KINDS.managementPolicy,
    tagsPath: null,
    caseInsensitivePaths: ["properties.policy.rules[].type"],
    readOwnership: () => accountChildOwnership(options.environment),
    addressOf: (live) => storageAddress.lifecycle(accountLocationOf(live.id).name),
    async readLive(request) {
      const found = await Promise.all(
        (await existingAccounts(options, request.signal)).map(async (account) => {
          const body = await getWire(() =>
            client.managementPolicies.get(account.resourceGroup, account.name, "default", {
              abortSignal: request.signal,
            }),
          );
          // ARM names the policy DefaultManagementPolicy in the body; the id the engine matches is the path's.
          const id = `${storageAccountId(request.subscriptionId, account)}/managementPolicies/default`;
          return body ? [{ id, kind: STORAGE_KINDS.managementPolicy, body }] : [];
        }),
      );
      return found.flat();
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      const { resourceGroup, name } = accountLocationOf(live.id);
      await client.managementPolicies.delete(resourceGroup, name, "default", { abortSignal: signal });
    },
  };
}
