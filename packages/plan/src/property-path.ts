/** Plain JSON object (not an array, not null). */
export function isWireObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a dotted wire path; undefined for anything absent on the way. */
export function valueAt(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const segment of path.split(".")) {
    if (!isWireObject(current)) return undefined;
    current = memberOf(current, segment);
  }
  return current;
}

/** A member by exact key, else by case-insensitive key: ARM sometimes returns another casing of a property name. */
export function memberOf(object: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  const match = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? undefined : object[match];
}

export function childPath(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

/** True when `path` is `rule` or lies under it (`properties.encryption` covers `properties.encryption.keySource`). */
export function isAtOrUnder(path: string, rule: string): boolean {
  return path === rule || path.startsWith(`${rule}.`) || path.startsWith(`${rule}[]`);
}
