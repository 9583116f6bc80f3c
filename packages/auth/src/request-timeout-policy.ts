import { type PipelinePolicy, RestError } from "@azure/core-rest-pipeline";

/** Longer than any ARM or Entra answer should take; a list page or a poll that never answers ends here. */
export const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Bounds every attempt of a request (place it per retry). The HTTP client's own `timeout` ends a silent request as
 * an AbortError, which the retry policy does not retry and which reads as if the person had pressed Ctrl-C; here it
 * ends as a RestError with the system code ETIMEDOUT, which the retry policy backs off and retries like a reset
 * connection, and which, once retries are spent, says what happened.
 */
export function requestTimeoutPolicy(timeoutMs = REQUEST_TIMEOUT_MS): PipelinePolicy {
  return {
    name: "azureInfraOpsRequestTimeout",
    async sendRequest(request, next) {
      const caller = request.abortSignal;
      const timer = new AbortController();
      const timeout = setTimeout(() => timer.abort(), timeoutMs);
      // The pipeline's signal type is a structural subset of the platform's; in Node it is the platform's.
      request.abortSignal = caller ? AbortSignal.any([caller as AbortSignal, timer.signal]) : timer.signal;
      try {
        return await next(request);
      } catch (error) {
        if (!timer.signal.aborted || caller?.aborted) throw error;
        throw new RestError(`no answer from ${new URL(request.url).host} within ${timeoutMs / 1000} s`, {
          code: "ETIMEDOUT",
          request,
        });
      } finally {
        clearTimeout(timeout);
        request.abortSignal = caller;
      }
    },
  };
}
