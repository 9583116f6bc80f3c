import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * What `upload-sarif` would get: the rehearsal cannot upload, but it checks the file exists and is SARIF 2.1.0 with
 * at least one run, which is what the upload refuses otherwise.
 */
export async function checkSarifFile(workspace: string, file: string): Promise<string | undefined> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(join(workspace, file), "utf8"));
  } catch (error) {
    return `${file}: cannot read it as JSON (${(error as Error).message})`;
  }
  const sarif = document as { version?: unknown; runs?: unknown };
  if (sarif.version !== "2.1.0") return `${file}: not SARIF 2.1.0 (version ${String(sarif.version)})`;
  if (!Array.isArray(sarif.runs) || sarif.runs.length === 0) return `${file}: no runs`;
  return undefined;
}
