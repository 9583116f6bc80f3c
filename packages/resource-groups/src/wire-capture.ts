import { captureWireBodies } from "@infra/auth";
import type { WireObject } from "@infra/plan";

/**
 * The plan engine compares ARM WIRE bodies, but the SDKs hand back their own models. Every client made with
 * `azure.clientOptions` carries @infra/auth's wire-capture policy; these read through it, as the kinds need them.
 */

/** Every item of a paged list call, as ARM sent it. */
export async function listWire(list: () => AsyncIterable<unknown>): Promise<WireObject[]> {
  const bodies = await captureWireBodies(async () => {
    for await (const _item of list()) {
      // Iterating makes the SDK fetch every page; the items come from the captured bodies.
    }
  });
  return bodies.flatMap((body) => (isPage(body) ? body.value.filter(isObject) : []));
}

/** One GET, as ARM sent it; undefined when ARM answered 404 (the resource or its parent does not exist). */
export async function getWire(get: () => Promise<unknown>): Promise<WireObject | undefined> {
  try {
    const body = (await captureWireBodies(get)).at(-1);
    return isObject(body) ? body : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { statusCode?: unknown }).statusCode === 404;
}

/** ARM's refusal of an action the caller has no role for (not a missing resource, not a lock). */
export function isAuthorizationFailed(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return statusCode === 403 && code === "AuthorizationFailed";
}

function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPage(body: unknown): body is { value: unknown[] } {
  return isObject(body) && Array.isArray(body.value);
}
