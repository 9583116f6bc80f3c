import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { WireCaptureError } from "./wire-capture-error.ts";

/**
 * The plan engine and the audit rules read ARM WIRE JSON, but the SDKs hand back their own models (arm-storage 21
 * flattens `properties` and renames fields: `enableHttpsTrafficOnly` for `supportsHttpsTrafficOnly`). Reads still go through the SDK (auth, paging,
 * retries, pacing) while this policy keeps the JSON each successful response carried, for whichever caller asked in
 * its async context. A property ARM did not send stays absent, which the rules' absent-property semantics rely on.
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

/** The JSON body of one SDK GET, as ARM sent it. */
export async function readWire(read: () => Promise<unknown>): Promise<unknown> {
  const bodies = await captureWireBodies(read);
  if (bodies.length === 0)
    throw new WireCaptureError("the response had no JSON body (is wireCapturePolicy installed?)");
  return bodies.at(-1);
}

/** Every item of a paged SDK list (all pages), as ARM sent them. */
export async function listWire(list: () => AsyncIterable<unknown>): Promise<unknown[]> {
  const bodies = await captureWireBodies(async () => {
    for await (const _item of list()) {
      // Iterating makes the SDK fetch every page; the items come from the captured bodies.
    }
  });
  // Every list answers at least one page: none captured means the policy is missing, never "no resources".
  if (bodies.length === 0) throw new WireCaptureError("no list page was captured (is wireCapturePolicy installed?)");
  return bodies.flatMap((body) => {
    const value = (body as { value?: unknown } | null)?.value;
    if (!Array.isArray(value)) throw new WireCaptureError("a list page had no `value` array");
    return value;
  });
}
