/** A span of a text file as SARIF counts it: lines and columns from 1, columns in UTF-16 code units, end exclusive. */
export interface SourceRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The lines of a text, whatever its line endings. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Line `line` (from 1) without its indentation and trailing blanks; an empty line is the region of its first column. */
export function lineRegion(lines: readonly string[], line: number): SourceRegion {
  const text = lines[line - 1] ?? "";
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { startLine: line, startColumn: start + 1, endLine: line, endColumn: Math.max(end, start) + 1 };
}
