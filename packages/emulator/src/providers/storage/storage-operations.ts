import type { ProviderOperation } from "../../arm/operations-list.ts";

const PROVIDER = "Microsoft Storage";
const ACCOUNTS = "Storage Accounts";

function operation(name: string, resource: string, operationName: string, description: string): ProviderOperation {
  return {
    name: `Microsoft.Storage/${name}`,
    display: { provider: PROVIDER, resource, operation: operationName, description },
  };
}

/**
 * `GET /providers/Microsoft.Storage/operations`: the operations of Microsoft's OperationsList example for the Storage
 * resource provider (api-version 2023-01-01), without its metric and diagnostic-setting definitions.
 */
export const STORAGE_OPERATIONS: ProviderOperation[] = [
  operation(
    "storageAccounts/write",
    ACCOUNTS,
    "Create/Update Storage Account",
    "Creates a storage account with the specified parameters or update the properties or tags or adds custom domain for the specified storage account.",
  ),
  operation("storageAccounts/delete", ACCOUNTS, "Delete Storage Account", "Deletes an existing storage account."),
  operation(
    "storageAccounts/listkeys/action",
    ACCOUNTS,
    "List Storage Account Keys",
    "Returns the access keys for the specified storage account.",
  ),
  operation(
    "storageAccounts/regeneratekey/action",
    ACCOUNTS,
    "Regenerate Storage Account Keys",
    "Regenerates the access keys for the specified storage account.",
  ),
  operation(
    "checknameavailability/read",
    "Name Availability",
    "Check Name Availability",
    "Checks that account name is valid and is not in use.",
  ),
  operation(
    "storageAccounts/read",
    ACCOUNTS,
    "List/Get Storage Account(s)",
    "Returns the list of storage accounts or gets the properties for the specified storage account.",
  ),
  operation(
    "usages/read",
    "Usage Metrics",
    "Get Subscription Usages",
    "Returns the limit and the current usage count for resources in the specified subscription",
  ),
  operation(
    "storageAccounts/listAccountSas/action",
    "Storage Account SAS Token",
    "Returns Storage Account SAS Token",
    "Returns the Account SAS token for the specified storage account.",
  ),
  operation(
    "storageAccounts/listServiceSas/action",
    "Returns the Service SAS token for the specified storage account.",
    "Returns Storage Service SAS Token",
    "Storage Service SAS Token",
  ),
  operation(
    "locations/deleteVirtualNetworkOrSubnets/action",
    "Location",
    "Delete virtual network or subnets notifications",
    "Notifies Microsoft.Storage that virtual network or subnet is being deleted",
  ),
  operation(
    "operations/read",
    "Operations",
    "Poll Asynchronous Operation",
    "Polls the status of an asynchronous operation.",
  ),
  operation(
    "register/action",
    "Storage Resource Provider",
    "Registers the Storage Resource Provider",
    "Registers the subscription for the storage resource provider and enables the creation of storage accounts.",
  ),
  operation("skus/read", "Skus", "List Skus", "Lists the Skus supported by Microsoft.Storage."),
];
