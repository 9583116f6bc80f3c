import { MANAGED_BY, OWNERSHIP_TAG_KEYS, type Ownership } from "@infra/plan";

/**
 * Ownership for ARM types that carry no tags (locks, role assignments): the three ownership tags written as one text
 * field (a lock's `notes`, a role assignment's `description`): `managed-by=azure-infra-ops;environment=dev;task=x`.
 */
export function ownershipNote(environment: string, task: string): string {
  return [
    `${OWNERSHIP_TAG_KEYS.managedBy}=${MANAGED_BY}`,
    `${OWNERSHIP_TAG_KEYS.environment}=${environment}`,
    `${OWNERSHIP_TAG_KEYS.task}=${task}`,
  ].join(";");
}

/** Reads a note written by `ownershipNote`; anything else (a person's free text, null) is not ours. */
export function ownershipFromNote(note: unknown): Ownership | undefined {
  if (typeof note !== "string") return undefined;
  const fields = new Map(
    note.split(";").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()] as const;
    }),
  );
  const managedBy = fields.get(OWNERSHIP_TAG_KEYS.managedBy);
  const environment = fields.get(OWNERSHIP_TAG_KEYS.environment);
  const task = fields.get(OWNERSHIP_TAG_KEYS.task);
  if (!managedBy || !environment || !task) return undefined;
  return { managedBy, environment, task };
}
