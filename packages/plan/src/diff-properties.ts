import type { PropertyChange } from "./property-change.ts";
import { childPath, isAtOrUnder, isWireObject, memberOf } from "./property-path.ts";
import type { DiffRules } from "./resource-kind.ts";

const RESOURCE_ID = /^\/subscriptions\//i;

/**
 * Compares only the paths present in `desired` with the live body, so server-computed and defaulted properties are
 * ignored by construction. Maps in `wholeMapPaths` (tags) and arrays are reported as one change each; `undefined` in
 * desired means "not managed", `null` means "must be unset".
 */
export function diffProperties(
  desired: Record<string, unknown>,
  live: unknown,
  rules: DiffRules = {},
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  diffObject("", desired, isWireObject(live) ? live : {}, rules, changes);
  return changes;
}

/** True when `live` satisfies everything `desired` says (the subset test used for array elements too). */
export function matchesDesired(path: string, desired: unknown, live: unknown, rules: DiffRules): boolean {
  const changes: PropertyChange[] = [];
  diffValue(path, desired, live, rules, changes);
  return changes.length === 0;
}

function diffObject(
  path: string,
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
  rules: DiffRules,
  changes: PropertyChange[],
): void {
  for (const [key, desiredValue] of Object.entries(desired)) {
    diffValue(childPath(path, key), desiredValue, memberOf(live, key), rules, changes);
  }
}

function diffValue(path: string, desired: unknown, live: unknown, rules: DiffRules, changes: PropertyChange[]): void {
  if (desired === undefined) return;
  const change = (): void => {
    changes.push({ path, before: live, after: desired });
  };
  if (rules.wholeMapPaths?.includes(path)) {
    if (!mapsEqual(desired, live)) change();
    return;
  }
  if (isWireObject(desired)) {
    if (isWireObject(live)) diffObject(path, desired, live, rules, changes);
    else if (Object.keys(desired).length > 0 || (live !== undefined && live !== null)) change();
    return;
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live) || !arraysEqual(path, desired, live, rules)) change();
    return;
  }
  if (!scalarsEqual(path, desired, live, rules)) change();
}

function arraysEqual(path: string, desired: unknown[], live: unknown[], rules: DiffRules): boolean {
  if (desired.length !== live.length) return false;
  const elementPath = `${path}[]`;
  if (!rules.unorderedArrayPaths?.includes(path)) {
    return desired.every((element, index) => matchesDesired(elementPath, element, live[index], rules));
  }
  // A multiset match: each live element may satisfy only one desired element.
  const unmatched = [...live];
  return desired.every((element) => {
    const index = unmatched.findIndex((candidate) => matchesDesired(elementPath, element, candidate, rules));
    if (index === -1) return false;
    unmatched.splice(index, 1);
    return true;
  });
}

/** Tags replace as a whole: same keys (case-insensitive, as ARM treats tag names) and the same values. */
function mapsEqual(desired: unknown, live: unknown): boolean {
  const want = isWireObject(desired) ? desired : {};
  const have = isWireObject(live) ? live : {};
  if (Object.keys(want).length !== Object.keys(have).length) return false;
  return Object.entries(want).every(([key, value]) => memberOf(have, key) === value);
}

function scalarsEqual(path: string, desired: unknown, live: unknown, rules: DiffRules): boolean {
  if (desired === null) return live === null || live === undefined;
  if (typeof desired !== "string" || typeof live !== "string") return desired === live;
  if (path.split(".").at(-1)?.toLowerCase() === "location")
    return normalizeLocation(desired) === normalizeLocation(live);
  const caseInsensitive =
    (RESOURCE_ID.test(desired) && RESOURCE_ID.test(live)) ||
    rules.caseInsensitivePaths?.some((rule) => isAtOrUnder(path, rule));
  return caseInsensitive ? desired.toLowerCase() === live.toLowerCase() : desired === live;
}

/** "West Europe" and "westeurope" are the same ARM location. */
function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}
