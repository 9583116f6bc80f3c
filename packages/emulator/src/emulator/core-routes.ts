import type { ArmRoute } from "../arm/contract.ts";
import type { OperationTracker } from "../arm/long-running.ts";
import { operationRoutes } from "../arm/operation-routes.ts";
import { lockRoutes } from "../authorization/lock-routes.ts";
import { roleAssignmentRoutes } from "../authorization/role-assignment-routes.ts";
import { roleDefinitionRoutes } from "../authorization/role-definition-routes.ts";
import { resourceGroupRoutes } from "../resources/resource-group-routes.ts";
import { resourceListRoutes } from "../resources/resource-list-routes.ts";
import { subscriptionRoutes } from "../resources/subscription-routes.ts";
import { tagsRoutes } from "../resources/tags-routes.ts";
import { tenantRoutes } from "../resources/tenant-routes.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

/** Microsoft.Resources + Microsoft.Authorization + LRO polling: the routes every emulator serves. */
export function coreRoutes(state: EmulatorState, operations: OperationTracker): ArmRoute[] {
  return [
    ...tenantRoutes(state),
    ...subscriptionRoutes,
    ...resourceGroupRoutes,
    ...resourceListRoutes,
    ...tagsRoutes,
    ...roleDefinitionRoutes,
    ...roleAssignmentRoutes,
    ...lockRoutes,
    ...operationRoutes(operations),
  ];
}
