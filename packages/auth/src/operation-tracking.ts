import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/**
 * Where ARM tracks a long-running operation (the Azure-AsyncOperation or Location header of its 201/202 answer), for
 * whichever caller asked in its async context: an operation abandoned at its deadline is named by that URL, so a
 * person can follow it in Azure while a re-run converges.
 */
const trackers = new AsyncLocalStorage<string[]>();

export const OPERATION_TRACKING_POLICY = "azureInfraOpsOperationTracking";

export function operationTrackingPolicy(): PipelinePolicy {
  return {
    name: OPERATION_TRACKING_POLICY,
    async sendRequest(request, next) {
      const response = await next(request);
      const tracker = trackers.getStore();
      const url = response.headers.get("azure-asyncoperation") ?? response.headers.get("location");
      if (tracker && url && (response.status === 201 || response.status === 202)) tracker.push(url);
      return response;
    },
  };
}

/** Runs `work`, collecting into `urls` the operation URLs its calls received. */
export function trackOperations<T>(urls: string[], work: () => Promise<T>): Promise<T> {
  return trackers.run(urls, work);
}
