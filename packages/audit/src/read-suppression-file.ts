import { readFile } from "node:fs/promises";
import { SuppressionFileError } from "./errors.ts";
import { parseSuppressions, type Suppression } from "./suppression.ts";

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
  return parseSuppressions(json, path);
}
