import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { codeScanningFileProblems } from "@infra/audit";

/** Problems named in a step's detail before the rest are counted. */
const SHOWN = 5;

/**
 * What `upload-sarif` would get: the rehearsal cannot upload, but it checks the file against what code scanning
 * accepts (SARIF 2.1.0, a file and line on every result, fingerprints, categories, GitHub's limits), which is what
 * the upload would refuse otherwise.
 */
export async function checkSarifFile(workspace: string, file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(workspace, file), "utf8");
  } catch (error) {
    return `${file}: cannot read it (${(error as Error).message})`;
  }
  const problems = codeScanningFileProblems(text);
  if (problems.length === 0) return undefined;
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : "";
  return `${file}: code scanning would reject it: ${problems.slice(0, SHOWN).join("; ")}${more}`;
}
