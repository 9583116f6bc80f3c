/**
 * ARM reads enum values case-insensitively and answers in their canonical casing (`"publicAccess": "blob"` is stored and
 * returned as `"Blob"`). Every enum a route reads goes through here.
 */
export function canonicalEnum<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === lower);
}

/** For enums the emulator echoes without validating: the canonical casing when the value is known, else as sent. */
export function canonicalOrAsSent(value: unknown, allowed: readonly string[]): unknown {
  return canonicalEnum(value, allowed) ?? value;
}
