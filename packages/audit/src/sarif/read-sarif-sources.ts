import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import type { SarifSources, SourceFile } from "./locate-finding.ts";

/** The rules page, from the repository root: generated from the rules' metadata, present in every checkout. */
export const RULE_DOCS_PATH = "docs/audit-rules.md";

/** An environment and the file that declares it (an absolute path). */
export interface EnvironmentDeclaration {
  readonly name: string;
  readonly path: string;
}

/**
 * The path of `path` from `repoRoot` as a relative URI (`packages/environments/environments/prod.ts`), or undefined
 * when the file is outside the repository: code scanning can only show lines of files in the repository.
 */
export function repoRelativeUri(repoRoot: string, path: string): string | undefined {
  const fromRoot = relative(repoRoot, path);
  if (fromRoot === "" || fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return undefined;
  return fromRoot.split(sep).map(encodeURIComponent).join("/");
}

/**
 * Reads what SARIF locations point into: the rules page and each declaration inside the repository. A declaration
 * outside it (an `--env-file` elsewhere) is left out, so that environment's resources are located like unowned ones.
 * A later declaration of the same name wins (the `--env-file` that was audited over the repository's own file).
 */
export async function readSarifSources(
  repoRoot: string,
  declarations: readonly EnvironmentDeclaration[],
): Promise<SarifSources> {
  const environments = new Map<string, SourceFile>();
  for (const declaration of declarations) {
    const uri = repoRelativeUri(repoRoot, declaration.path);
    if (uri !== undefined) environments.set(declaration.name, { uri, text: await readFile(declaration.path, "utf8") });
  }
  const ruleDocs = { uri: RULE_DOCS_PATH, text: await readFile(join(repoRoot, RULE_DOCS_PATH), "utf8") };
  return { environments, ruleDocs };
}
