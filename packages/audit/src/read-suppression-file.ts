import { readFile } from "node:fs/promises";
import { SuppressionFileError } from "./errors.ts";
import type { Suppression } from "./suppression.ts";

/** Reads and validates a suppression file; a missing file is an empty list, anything unreadable is an error. */
export async function readSuppressionFile(path: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SuppressionFileError(path, [`not JSON: ${(error as Error).message}`]);
  }
  // The schema (zod) loads only when there is a file to check: most audits have none.
  const { parseSuppressions } = await import("./suppression.ts");
  return parseSuppressions(json, path);
}
