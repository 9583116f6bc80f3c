import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/**
 * The plan engine and the audit rules read ARM WIRE JSON, but the SDKs hand back their own models (arm-storage 21
 * flattens `properties` and renames fields: `enableHttpsTrafficOnly` for `supportsHttpsTrafficOnly`). Reads still go
 * through the SDK (auth, paging, retries, pacing) while this policy keeps the JSON each successful response carried,
 * for whichever caller asked in its async context; @infra/arm's listWire and readWire read through it. A property ARM
 * did not send stays absent, which the rules' absent-property semantics rely on.
 * Operation `onResponse` callbacks cannot do this: the modular clients do not pass them to the next-page requests.
 */
const collectors = new AsyncLocalStorage<unknown[]>();

export const WIRE_CAPTURE_POLICY = "azureInfraOpsWireCapture";

/** Add at position `perCall`: it then sees the final response of each call, after retries. */
export function wireCapturePolicy(): PipelinePolicy {
  return {
    name: WIRE_CAPTURE_POLICY,
    async sendRequest(request, next) {
      const response = await next(request);
      const collector = collectors.getStore();
      if (collector !== undefined && response.status < 300 && response.bodyAsText) {
        collector.push(JSON.parse(response.bodyAsText));
      }
      return response;
    },
  };
}

/** Runs SDK calls and returns the JSON bodies of the responses they received, in order (every page of a list). */
export async function captureWireBodies(read: () => Promise<unknown>): Promise<unknown[]> {
  const bodies: unknown[] = [];
  await collectors.run(bodies, read);
  return bodies;
}
