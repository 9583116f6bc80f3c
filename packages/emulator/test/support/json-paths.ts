/**
 * Every property path in a JSON value: `properties.primaryEndpoints.blob`, with array elements collapsed to `[]`
 * (`value[].properties.publicAccess`), so two bodies of the same shape give the same set whatever their values.
 */
export function jsonPaths(value: unknown, prefix = ""): Set<string> {
  const out = new Set<string>();
  collect(value, prefix, out);
  return out;
}

function collect(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    const path = `${prefix}[]`;
    for (const element of value) collect(element, path, out);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    out.add(path);
    collect(child, path, out);
  }
}
