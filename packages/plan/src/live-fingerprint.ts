import { createHash } from "node:crypto";
import type { WireObject } from "./desired-resource.ts";
import type { LiveResource } from "./live-resource.ts";
import { childPath, isWireObject, memberOf, valueAt } from "./property-path.ts";
import type { DiffRules } from "./resource-kind.ts";
import { isSecretPath } from "./secret-paths.ts";

/** The fingerprint of "no such resource": a create is stale once something appears at its id. */
export const ABSENT_FINGERPRINT = "absent";

/**
 * A stable hash of what the plan decision rested on: the live values at the desired paths (for a delete, only the
 * tags) plus the live tags. Secret-looking paths are left out so a saved plan holds no hash of a secret.
 */
export function liveFingerprint(
  live: LiveResource | undefined,
  desired: WireObject | undefined,
  tagsPath: string | null,
  rules: DiffRules,
): string {
  if (live === undefined) return ABSENT_FINGERPRINT;
  const compared = desired === undefined ? {} : project(desired, live.body, "", rules);
  const tags = tagsPath === null ? null : (valueAt(live.body, tagsPath) ?? null);
  const digest = createHash("sha256").update(canonicalJson({ compared, tags })).digest("hex");
  return `sha256:${digest}`;
}

/** The live body cut down to the shape of `desired`; arrays and whole maps are kept whole. */
function project(desired: WireObject, live: unknown, path: string, rules: DiffRules): WireObject {
  const out: WireObject = {};
  const body = isWireObject(live) ? live : {};
  for (const [key, want] of Object.entries(desired)) {
    const keyPath = childPath(path, key);
    if (want === undefined || isSecretPath(keyPath, rules.secretPaths)) continue;
    const have = memberOf(body, key);
    const wholeMap = rules.wholeMapPaths?.includes(keyPath) ?? false;
    out[key] = isWireObject(want) && !wholeMap ? project(want, have, keyPath, rules) : (have ?? null);
  }
  return out;
}

/** JSON with object keys sorted, so the same live state always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    isWireObject(member)
      ? Object.fromEntries(
          Object.keys(member)
            .sort()
            .map((key) => [key, member[key]]),
        )
      : member,
  );
}
