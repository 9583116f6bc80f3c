import { type CheckResult, fail, pass } from "./check-result.ts";

/** Both lock levels stop deletion; ReadOnly is stricter. */
const DELETE_BLOCKING = ["CanNotDelete", "ReadOnly"];

/** A management lock as ARM lists it (`Microsoft.Authorization/locks`), whatever resource it applies to. */
export interface ManagementLock {
  name?: unknown;
  properties?: { level?: unknown };
}

/**
 * Pass when one of the locks that apply to a resource (its own or inherited from its group) blocks deletion; the
 * evidence names every lock and its level. Locks are an ARM-wide feature, so the verdict is the same for any type.
 */
export function deleteLockVerdict(locks: readonly ManagementLock[]): CheckResult {
  const evidence = locks.map((lock) => ({
    path: `locks.${String(lock.name)}.properties.level`,
    actual: lock.properties?.level,
    expected: DELETE_BLOCKING.join(" | "),
  }));
  return evidence.some((item) => typeof item.actual === "string" && DELETE_BLOCKING.includes(item.actual))
    ? pass("a delete lock applies", ...evidence)
    : fail(locks.length === 0 ? "no lock applies" : "no lock blocks deletion", ...evidence);
}
