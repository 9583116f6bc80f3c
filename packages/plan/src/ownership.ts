import type { DesiredResource } from "./desired-resource.ts";
import type { LiveResource } from "./live-resource.ts";
import { isWireObject, memberOf, valueAt } from "./property-path.ts";
import type { KindRules, ResourceKind } from "./resource-kind.ts";

/** The tag values that make a resource ours. Azure is the state: nothing without them is changed or deleted. */
export interface Ownership {
  readonly managedBy: string;
  readonly environment: string;
  readonly task: string;
  /**
   * The environment was protected when this was written (`protected=true`). Protection is read from Azure as well as
   * from the file: a file that says otherwise cannot change or delete a protected environment without its name typed.
   */
  readonly protected?: boolean;
}

export const MANAGED_BY = "azure-infra-ops";
export const OWNERSHIP_TAG_KEYS = {
  managedBy: "managed-by",
  environment: "environment",
  task: "task",
  protected: "protected",
} as const;

export function ownershipTags(environment: string, task: string, protectedEnvironment = false): Record<string, string> {
  return {
    [OWNERSHIP_TAG_KEYS.managedBy]: MANAGED_BY,
    [OWNERSHIP_TAG_KEYS.environment]: environment,
    [OWNERSHIP_TAG_KEYS.task]: task,
    ...(protectedEnvironment ? { [OWNERSHIP_TAG_KEYS.protected]: "true" } : {}),
  };
}

export function tagsPathOf(kind: KindRules): string | null {
  return kind.tagsPath === undefined ? "tags" : kind.tagsPath;
}

/** Reads ownership from tags; tag keys are case-insensitive in ARM, values are compared exactly. */
export function ownershipFromTags(tags: unknown): Ownership | undefined {
  if (!isWireObject(tags)) return undefined;
  const managedBy = memberOf(tags, OWNERSHIP_TAG_KEYS.managedBy);
  const environment = memberOf(tags, OWNERSHIP_TAG_KEYS.environment);
  const task = memberOf(tags, OWNERSHIP_TAG_KEYS.task);
  if (typeof managedBy !== "string" || typeof environment !== "string" || typeof task !== "string") return undefined;
  return { managedBy, environment, task, protected: memberOf(tags, OWNERSHIP_TAG_KEYS.protected) === "true" };
}

export function readOwnership(kind: ResourceKind, live: LiveResource): Ownership | undefined {
  if (kind.readOwnership) return kind.readOwnership(live);
  const path = tagsPathOf(kind);
  return path === null ? undefined : ownershipFromTags(valueAt(live.body, path));
}

export function isManagedByUs(ownership: Ownership | undefined): ownership is Ownership {
  return ownership?.managedBy === MANAGED_BY;
}

export function isOwnedBy(ownership: Ownership | undefined, environment: string, tasks: readonly string[]): boolean {
  return isManagedByUs(ownership) && ownership.environment === environment && tasks.includes(ownership.task);
}

/**
 * The desired resource with the ownership tags merged into its tag map, so no task can forget them. The ownership keys
 * are reserved: they win over a task's own tag of the same key (any casing), and `protected` appears only when the
 * environment is protected. Kinds without a tags path stamp ownership themselves.
 */
export function withOwnershipTags(
  desired: DesiredResource,
  kind: KindRules,
  environment: string,
  protectedEnvironment = false,
): DesiredResource {
  const path = tagsPathOf(kind);
  if (path === null) return desired;
  const stamp = ownershipTags(environment, desired.task, protectedEnvironment);
  const stampKeys = new Set<string>(Object.values(OWNERSHIP_TAG_KEYS));
  const current = valueAt(desired.properties, path);
  const kept = Object.entries(isWireObject(current) ? current : {}).filter(
    ([key]) => !stampKeys.has(key.toLowerCase()),
  );
  return {
    ...desired,
    properties: setAt(desired.properties, path.split("."), { ...Object.fromEntries(kept), ...stamp }),
  };
}

function setAt(object: Record<string, unknown>, segments: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = segments;
  if (head === undefined) return object;
  if (rest.length === 0) return { ...object, [head]: value };
  const child = object[head];
  return { ...object, [head]: setAt(isWireObject(child) ? child : {}, rest, value) };
}
