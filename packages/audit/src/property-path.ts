/**
 * Reads a dotted wire path (`properties.networkAcls.defaultAction`, `keyCreationTime.key1`) from unknown JSON.
 * Returns undefined for anything absent on the way; null is returned as null because ARM uses it for "not set".
 */
export function propertyAt(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** True for the two ways ARM says "not set". */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}
