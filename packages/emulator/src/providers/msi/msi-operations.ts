import type { ProviderOperation } from "../../arm/operations-list.ts";

const PROVIDER = "Microsoft Managed Identity";
const UAI = "User Assigned Identities";

function operation(name: string, resource: string, operationName: string, description: string): ProviderOperation {
  return {
    name: `Microsoft.ManagedIdentity/${name}`,
    display: { provider: PROVIDER, resource, operation: operationName, description },
  };
}

/** `GET /providers/Microsoft.ManagedIdentity/operations` as Azure answered it (recorded by the Azure CLI's tests). */
export const MSI_OPERATIONS: ProviderOperation[] = [
  operation(
    "identities/read",
    "System Assigned Identities",
    "Get System Assigned Identity",
    "Gets an existing system assigned identity",
  ),
  operation(
    "operations/read",
    "Managed Identity operations",
    "List Managed Identity operations",
    "Lists operations available on Microsoft.ManagedIdentity resource provider",
  ),
  operation(
    "register/action",
    "Managed Identity Resource Provider",
    "Registers the Managed Identity Resource Provider",
    "Registers the subscription for the managed identity resource provider",
  ),
  operation(
    "userAssignedIdentities/assign/action",
    UAI,
    "Assign User Assigned Identity",
    "RBAC action for assigning an existing user assigned identity to a resource",
  ),
  operation(
    "userAssignedIdentities/delete",
    UAI,
    "Delete User Assigned Identity",
    "Deletes an existing user assigned identity",
  ),
  operation(
    "userAssignedIdentities/listAssociatedResources/action",
    UAI,
    "List associated resources for User Assigned Identity",
    "Lists all associated resources for an existing user assigned identity",
  ),
  operation(
    "userAssignedIdentities/read",
    UAI,
    "Get User Assigned Identity",
    "Gets an existing user assigned identity",
  ),
  operation(
    "userAssignedIdentities/write",
    UAI,
    "Create/Update User Assigned Identity",
    "Creates a new user assigned identity or updates the tags associated with an existing user assigned identity",
  ),
];
