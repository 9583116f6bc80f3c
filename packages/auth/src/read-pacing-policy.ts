import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import type { ReadPacer } from "./read-pacer.ts";

export const READ_PACING_POLICY = "azureInfraOpsReadPacing";
const REMAINING_READS = "x-ms-ratelimit-remaining-subscription-reads";

/** `/subscriptions/{id}/...`: ARM's read bucket is per subscription; tenant-level reads are not paced. */
function subscriptionOf(url: string): string | undefined {
  return /\/subscriptions\/([^/?#]+)\//i.exec(`${new URL(url).pathname}/`)?.[1];
}

function remainingReads(response: PipelineResponse | undefined): number | undefined {
  const value = response?.headers.get(REMAINING_READS);
  return value === undefined ? undefined : Number(value);
}

/**
 * Waits for the pacer before each GET/HEAD and reports the remaining-reads header back to it. Add it at position
 * `perRetry` so every attempt (a retried 429 included) is paced and observed:
 * `additionalPolicies: [{ policy: readPacingPolicy(pacer), position: "perRetry" }]`.
 */
export function readPacingPolicy(pacer: ReadPacer): PipelinePolicy {
  return {
    name: READ_PACING_POLICY,
    async sendRequest(request, next) {
      const subscriptionId =
        request.method === "GET" || request.method === "HEAD" ? subscriptionOf(request.url) : undefined;
      if (subscriptionId === undefined) return next(request);
      let response: PipelineResponse | undefined;
      try {
        // Node hands the pipeline a real AbortSignal; anything else just cannot cut the wait short.
        await pacer.acquire(
          subscriptionId,
          request.abortSignal instanceof AbortSignal ? request.abortSignal : undefined,
        );
        response = await next(request);
        return response;
      } catch (error) {
        // A RestError carries the response it failed on (a 429's header says 0 left).
        response = (error as { response?: PipelineResponse }).response;
        throw error;
      } finally {
        pacer.settle(subscriptionId, remainingReads(response));
      }
    },
  };
}
