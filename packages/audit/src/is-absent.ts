/** True for the two ways ARM says "not set". */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}
