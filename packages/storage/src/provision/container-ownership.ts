import { MANAGED_BY, type Ownership } from "@infra/plan";

/**
 * Containers carry no tags; their metadata names must be C# identifiers (no hyphen), hence `managedby`. The same three
 * facts as the ownership tags.
 */
export function containerOwnershipMetadata(environment: string, task: string): Record<string, string> {
  return { managedby: MANAGED_BY, environment, task };
}

export function ownershipFromMetadata(metadata: unknown): Ownership | undefined {
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const lower = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]));
  const managedBy = lower.get("managedby");
  const environment = lower.get("environment");
  const task = lower.get("task");
  if (typeof managedBy !== "string" || typeof environment !== "string" || typeof task !== "string") return undefined;
  return { managedBy, environment, task };
}
