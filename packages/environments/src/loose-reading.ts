// Cross-reference checks run even when fields failed, so the value they read may be partly invalid: these read it
// defensively, answering "nothing here" rather than throwing.

export type Loose = Record<string, unknown>;

/** The objects of an array field; anything else reads as none. */
export const looseList = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((item): item is Loose => typeof item === "object" && item !== null) : [];

/** A string field, or undefined. */
export const looseText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** An object field, or an empty object. */
export const looseObject = (value: unknown): Loose =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Loose) : {};

/** A region as ARM compares it: lowercase without spaces. */
export const looseRegion = (value: unknown): string | undefined => looseText(value)?.replace(/\s+/g, "").toLowerCase();

/** The regions resources may live in: `allowedLocations`, else `location` alone. */
export function allowedRegions(environment: Loose): string[] {
  const location = looseRegion(environment.location);
  if (Array.isArray(environment.allowedLocations)) {
    return environment.allowedLocations.map(looseRegion).filter((name): name is string => name !== undefined);
  }
  return location ? [location] : [];
}
