import { ArmError, type ArmRoute } from "./contract.ts";
import type { OperationTracker } from "./long-running.ts";

function notFound(id: string | undefined): ArmError {
  return new ArmError(404, "OperationNotFound", `The operation '${id ?? ""}' could not be found.`);
}

/** Polling endpoints of long-running operations (Location and Azure-AsyncOperation styles). */
export function operationRoutes(operations: OperationTracker): ArmRoute[] {
  return [
    {
      method: "GET",
      pattern: "/subscriptions/{subscriptionId}/providers/{namespace}/operationResults/{operationId}",
      action: "",
      handle(ctx) {
        const result = operations.pollResult(ctx.params.operationId as string, ctx.config.lro);
        if (!result) throw notFound(ctx.params.operationId);
        return result;
      },
    },
    {
      method: "GET",
      pattern: "/subscriptions/{subscriptionId}/providers/{namespace}/operationStatuses/{operationId}",
      action: "",
      handle(ctx) {
        const result = operations.pollStatus(ctx.params.operationId as string, ctx.config.lro);
        if (!result) throw notFound(ctx.params.operationId);
        return result;
      },
    },
  ];
}
