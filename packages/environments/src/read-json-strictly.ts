import { LineCounter, parseDocument } from "yaml";

/**
 * Keys given twice in one object of a JSON text. JSON.parse silently keeps the last, so `"name": "dev", ...,
 * "name": "prod"` would target prod; the YAML 1.2 parser reads JSON as it is and reports each duplicate where it is.
 * The text is already known to be valid JSON.
 */
export function duplicateKeys(text: string): { line: number; key: string }[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { uniqueKeys: true, lineCounter });
  return document.errors
    .filter((error) => error.code === "DUPLICATE_KEY")
    .map((error) => ({
      line: lineCounter.linePos(error.pos[0]).line,
      key: JSON.parse(/^"(?:[^"\\]|\\.)*"/.exec(text.slice(error.pos[0]))?.[0] ?? '""') as string,
    }));
}
