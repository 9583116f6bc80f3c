import { captureWireBodies } from "@infra/auth";
import type { WireObject } from "@infra/plan";
import { isNotFound } from "./arm-errors.ts";
import { WireCaptureError } from "./wire-capture-error.ts";

/**
 * The plan engine and the audit rules read ARM WIRE bodies, but the SDKs hand back their own models. Every client made
 * with `azure.clientOptions` carries @infra/auth's wire-capture policy; these read through it. Strict: a call that
 * succeeded without a captured body means the policy is missing, never "nothing there".
 */

/** Every item of a paged SDK list (all pages), as ARM sent them. */
export async function listWire(list: () => AsyncIterable<unknown>): Promise<WireObject[]> {
  const bodies = await captureWireBodies(async () => {
    for await (const _item of list()) {
      // Iterating makes the SDK fetch every page; the items come from the captured bodies.
    }
  });
  // Every list answers at least one page: none captured means the policy is missing, never "no resources".
  if (bodies.length === 0) throw new WireCaptureError("no list page was captured (is wireCapturePolicy installed?)");
  return bodies.flatMap((body) => {
    const value = isObject(body) ? body.value : undefined;
    if (!Array.isArray(value)) throw new WireCaptureError("a list page had no `value` array");
    if (!value.every(isObject)) throw new WireCaptureError("a list page held an item that is not an object");
    return value;
  });
}

/** The JSON body of one SDK GET, as ARM sent it. */
export async function readWire(read: () => Promise<unknown>): Promise<WireObject> {
  const body = (await captureWireBodies(read)).at(-1);
  if (body === undefined) throw new WireCaptureError("the response had no JSON body (is wireCapturePolicy installed?)");
  if (!isObject(body)) throw new WireCaptureError("the response body was not a JSON object");
  return body;
}

/** One GET, as ARM sent it; undefined when ARM answered 404 (the resource or its parent does not exist). */
export async function getWire(get: () => Promise<unknown>): Promise<WireObject | undefined> {
  try {
    return await readWire(get);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
