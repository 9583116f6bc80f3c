export const MANAGED_IDENTITIES_TASK = "managed-identities";

/** Plan address of an identity; names are unique within an environment (the schema checks it). */
export function identityAddress(name: string): string {
  return `${MANAGED_IDENTITIES_TASK}.identity["${name}"]`;
}
