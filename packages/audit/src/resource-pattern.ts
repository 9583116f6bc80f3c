/**
 * Compiles a resource id glob: `*` matches within one path segment, `**` across segments. Case-insensitive, because
 * ARM ids are (`/resourceGroups/` and `/resourcegroups/` both come back from real APIs).
 */
export function compileResourcePattern(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === "*") {
      if (pattern[index + 1] === "*") {
        source += ".*";
        index++;
      } else {
        source += "[^/]*";
      }
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, "i");
}

export function matchesResourcePattern(resourceId: string, pattern: string): boolean {
  return compileResourcePattern(pattern).test(resourceId);
}
