import type { ArmProvider } from "../../arm/contract.ts";
import { operationsListRoute } from "../../arm/operations-list.ts";
import { MSI_OPERATIONS } from "./msi-operations.ts";
import { msiRoutes } from "./msi-routes.ts";

/** Microsoft.ManagedIdentity: user-assigned identities (each one a principal the token endpoint knows) and their
 * federated identity credentials. */
export const msiProvider: ArmProvider = {
  name: "Microsoft.ManagedIdentity",
  routes: [...msiRoutes, operationsListRoute("Microsoft.ManagedIdentity", MSI_OPERATIONS)],
};
