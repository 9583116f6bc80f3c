import type { ArmResource } from "../audited-resource.ts";

/** JSON from ARM is `unknown` until checked: a resource needs string `id`, `name` and `type`. */
export function isArmResource(value: unknown): value is ArmResource {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { id, name, type } = value as Record<string, unknown>;
  return typeof id === "string" && typeof name === "string" && typeof type === "string";
}
