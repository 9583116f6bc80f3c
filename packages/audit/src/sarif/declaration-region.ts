import { lineRegion, linesOf, type SourceRegion } from "./source-region.ts";

interface NameLiteral {
  /** From 1. */
  readonly line: number;
  readonly region: SourceRegion;
  readonly value: string;
}

/** `name: "x"` in TypeScript, `"name": "x"` in JSON; not `displayName:` or `resourceGroup:`. */
const NAME_LITERAL = /(?<![\w$])(["']?)name\1\s*:\s*(["'`])(.*?)\2/g;
/** A line that opens a sibling declaration at the same depth: `{ name: ...` or `name: ...` first on the line. */
const DECLARATION_START = /^\s*(?:\{|(["']?)name\1\s*:)/;

/**
 * The names a declaration spells for a resource id, outermost first: the group's name for a resource group; otherwise
 * every name after `providers` (`.../storageAccounts/acct/blobServices/default/containers/images` gives
 * `acct`, `default`, `images`; a role assignment on an account gives `acct` and the assignment's name).
 */
export function declaredNames(resourceId: string): string[] {
  const segments = resourceId.split("/").filter((segment) => segment !== "");
  const providers = segments.findIndex((segment) => segment.toLowerCase() === "providers");
  if (providers === -1) {
    const [, , groups, group] = segments;
    return segments.length === 4 && groups?.toLowerCase() === "resourcegroups" && group ? [group] : [];
  }
  const names: string[] = [];
  let index = providers;
  while (index < segments.length) {
    // `providers/<namespace>` (again for an extension resource such as a role assignment), then type/name pairs.
    if (segments[index]?.toLowerCase() === "providers") {
      index += 2;
      continue;
    }
    const name = segments[index + 1];
    if (name !== undefined) names.push(name);
    index += 2;
  }
  return names;
}

/**
 * Where an environment file declares a resource: the `name: "<name>"` literal of its outermost name, then, for a
 * child (a container, a role assignment), the literal of its own name inside that declaration when there is one.
 * Undefined when the file does not spell the outermost name (a derived name, an unowned resource).
 */
export function declarationRegion(text: string, resourceId: string): SourceRegion | undefined {
  const [outer, ...inner] = declaredNames(resourceId);
  if (outer === undefined) return undefined;
  const lines = linesOf(text);
  const literals = nameLiterals(lines);
  let found = literals.find((literal) => sameName(literal.value, outer));
  if (found === undefined) return undefined;
  for (const name of inner) {
    const parent: NameLiteral = found;
    const end = declarationEnd(lines, parent.line);
    const child = literals.find(
      (literal) =>
        sameName(literal.value, name) &&
        literal.line < end &&
        (literal.line > parent.line ||
          (literal.line === parent.line && literal.region.startColumn > parent.region.startColumn)),
    );
    if (child !== undefined) found = child;
  }
  return found.region;
}

/** The first line of the environment object (`defineEnvironment({`, or a JSON file's `{`); else line 1. */
export function environmentObjectRegion(text: string): SourceRegion {
  const lines = linesOf(text);
  let index = lines.findIndex((line) => /\bdefineEnvironment\s*\(/.test(line));
  if (index === -1) index = lines.findIndex((line) => line.trimStart().startsWith("{"));
  return lineRegion(lines, index === -1 ? 1 : index + 1);
}

function nameLiterals(lines: readonly string[]): NameLiteral[] {
  const literals: NameLiteral[] = [];
  for (const [index, text] of lines.entries()) {
    for (const match of text.matchAll(NAME_LITERAL)) {
      const line = index + 1;
      const start = match.index + 1;
      literals.push({
        line,
        value: match[3] ?? "",
        region: { startLine: line, startColumn: start, endLine: line, endColumn: start + match[0].length },
      });
    }
  }
  return literals;
}

/**
 * The line (from 1) where the declaration whose name is on `line` ends: the first later line indented less, or as
 * much when it opens a sibling declaration. Formatted source (Biome, JSON.stringify) nests by indentation.
 */
function declarationEnd(lines: readonly string[], line: number): number {
  const depth = indentation(lines[line - 1] ?? "");
  for (let index = line; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (text.trim() === "") continue;
    const here = indentation(text);
    if (here < depth || (here === depth && DECLARATION_START.test(text))) return index + 1;
  }
  return lines.length + 1;
}

function indentation(text: string): number {
  return text.length - text.trimStart().length;
}

/** ARM names compare case-insensitively; ids come back in whatever casing was last written. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
