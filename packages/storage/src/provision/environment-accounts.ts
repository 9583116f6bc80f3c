import { lockHome } from "@infra/arm/names";
import type { Environment } from "@infra/environments";
import { type StorageAccountConfig, storageSection } from "../storage-section.ts";

/**
 * The accounts the storage task provisions: those the environment declares, plus the environment's lock account (it
 * holds the apply lock's container; see @infra/arm). The lock account gets the same secure baseline, with public
 * network access disabled: the lock is taken through Resource Manager, never over the account's own endpoints.
 */
export function environmentAccounts(environment: Environment, subscriptionId: string): StorageAccountConfig[] {
  const home = lockHome(environment, subscriptionId);
  const declared = storageSection.of(environment).accounts;
  if (!home) return [...declared];
  const lockAccount: StorageAccountConfig = {
    name: home.accountName,
    resourceGroup: home.resourceGroup,
    sku: "Standard_LRS",
    kind: "StorageV2",
    network: { defaultAction: "Deny", publicNetworkAccess: "Disabled", ipRules: [] },
    softDeleteDays: 7,
    containers: [],
    roleAssignments: [],
    tags: { purpose: "apply-lock" },
  };
  return [...declared, lockAccount];
}
