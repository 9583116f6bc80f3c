import { AsyncLocalStorage } from "node:async_hooks";
import type { Pipeline } from "@azure/core-rest-pipeline";
import type { WireObject } from "@infra/plan";

/**
 * The plan engine compares ARM WIRE bodies, but the SDKs hand back their own models (arm-storage 21 flattens
 * `properties` and renames fields; dates become Date objects). So reads go through the SDK as usual (paging, retries,
 * auth) while this pipeline policy keeps the JSON each response carried, for the caller that asked in its async context.
 */
const collectors = new AsyncLocalStorage<unknown[]>();
const POLICY_NAME = "azureInfraOpsWireCapture";

/** Adds the capturing policy to a client's pipeline (once). */
export function captureWireBodies<T extends { pipeline: Pipeline }>(client: T): T {
  if (!client.pipeline.getOrderedPolicies().some((policy) => policy.name === POLICY_NAME)) {
    client.pipeline.addPolicy({
      name: POLICY_NAME,
      async sendRequest(request, next) {
        const response = await next(request);
        const collector = collectors.getStore();
        if (collector && response.status < 300 && response.bodyAsText) collector.push(JSON.parse(response.bodyAsText));
        return response;
      },
    });
  }
  return client;
}

/** Runs one SDK read and returns the JSON bodies of the responses it received (every page of a list). */
export async function readWireBodies(read: () => Promise<unknown>): Promise<unknown[]> {
  const bodies: unknown[] = [];
  await collectors.run(bodies, read);
  return bodies;
}

/** Every item of a paged list call, as ARM sent it. */
export async function listWire(list: () => AsyncIterable<unknown>): Promise<WireObject[]> {
  const bodies = await readWireBodies(async () => {
    for await (const _item of list()) {
      // Iterating makes the SDK fetch every page; the items come from the captured bodies.
    }
  });
  return bodies.flatMap((body) => (isPage(body) ? body.value.filter(isObject) : []));
}

/** One GET, as ARM sent it; undefined when ARM answered 404 (the resource or its parent does not exist). */
export async function getWire(get: () => Promise<unknown>): Promise<WireObject | undefined> {
  try {
    const bodies = await readWireBodies(get);
    const body = bodies.at(-1);
    return isObject(body) ? body : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { statusCode?: unknown }).statusCode === 404;
}

function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPage(body: unknown): body is { value: unknown[] } {
  return isObject(body) && Array.isArray(body.value);
}
