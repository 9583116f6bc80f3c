import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, UsageError } from "@infra/cli";
import { repoEnvironments } from "../environments/index.ts";
import type { ComposeOptions, Environment } from "./environment-schema.ts";
import type { EnvironmentSection } from "./environment-section.ts";
import { duplicateKeys } from "./read-json-strictly.ts";
import { validateEnvironment } from "./validate-environment.ts";

export interface EnvironmentChoice {
  /** `--env NAME`: one of the repo's environments. */
  env?: string | undefined;
  /** `--env-file PATH`: any other environment, as .json or .ts. */
  envFile?: string | undefined;
}

/** Where the repository keeps its environments: `environments/<name>.ts`, one file per name in `repoEnvironments`. */
export const REPO_ENVIRONMENTS_DIR = join(import.meta.dirname, "..", "environments");

/** The repository's environment names, own properties only: `--env constructor` is not an environment. */
export function repoEnvironmentNames(): string[] {
  return Object.keys(repoEnvironments);
}

function repoEnvironment(name: string) {
  return Object.hasOwn(repoEnvironments, name) ? repoEnvironments[name] : undefined;
}

async function readEnvironmentFile(path: string, shown: string): Promise<unknown> {
  // A FIFO or a device would block the read (or never end): only regular files are environments.
  const kind = await stat(path).then(
    (stats) => (stats.isFile() ? "file" : "other"),
    (error: NodeJS.ErrnoException) => error.code ?? String(error),
  );
  if (kind !== "file") {
    throw new ConfigError(
      kind === "other"
        ? `--env-file ${shown}: not a regular file; give the path of a .json or .ts environment file`
        : `--env-file ${shown}: cannot read it (${kind})`,
    );
  }
  const extension = extname(path);
  if (extension === ".json") {
    const text = await readFile(path, "utf8");
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`--env-file ${shown}: not valid JSON: ${(error as Error).message}`, [
        { path: shown, message: `fix the JSON syntax (${(error as Error).message})` },
      ]);
    }
    const duplicates = duplicateKeys(text);
    if (duplicates.length > 0) {
      throw new ConfigError(
        `--env-file ${shown}: ${duplicates.length} key(s) appear twice in one object`,
        duplicates.map((duplicate) => ({
          path: `${shown}:${duplicate.line}`,
          message: `"${duplicate.key}" is given twice; JSON keeps only the last, so remove one`,
        })),
      );
    }
    return JSON.parse(text);
  }
  if ([".ts", ".mts", ".js", ".mjs"].includes(extension)) {
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`--env-file ${shown}: cannot load it: ${(error as Error).message}`);
    }
    const data = loaded.default ?? loaded.environment;
    if (data === undefined) {
      throw new ConfigError(
        `--env-file ${shown}: export the environment as default (export default defineEnvironment({...}))`,
      );
    }
    return data;
  }
  throw new ConfigError(`--env-file ${shown}: use a .json or .ts file`);
}

/**
 * A file may not pass itself off as one of the repository's environments: an `--env-file` whose `name` is a
 * repository environment's is accepted only when it is that environment's own file. Otherwise its protection (and
 * everything it owns in Azure, which is found by the name) would be decided by whatever the file says.
 */
async function refuseImpostor(environment: Environment, path: string, shown: string): Promise<void> {
  if (!repoEnvironment(environment.name)) return;
  const own = join(REPO_ENVIRONMENTS_DIR, `${environment.name}.ts`);
  const same = await Promise.all([realpath(path), realpath(own)]).then(
    ([given, expected]) => given === expected,
    () => false,
  );
  if (!same) {
    throw new ConfigError(
      `--env-file ${shown}: declares name "${environment.name}", which is this repository's environment ` +
        `(environments/${environment.name}.ts); use --env ${environment.name}, or give this file another name`,
    );
  }
}

export interface LoadOptions extends ComposeOptions {
  /** What a relative `--env-file` is relative to. */
  cwd?: string;
}

/**
 * Resolves `--env` / `--env-file` to an environment validated against the base fields and `sections`; problems exit 2
 * before any call to Azure.
 */
export async function loadEnvironment(
  choice: EnvironmentChoice,
  sections: readonly EnvironmentSection[],
  options: LoadOptions = {},
): Promise<Environment> {
  const { cwd = process.cwd(), ...compose } = options;
  if (choice.env && choice.envFile) throw new UsageError("give either --env NAME or --env-file PATH, not both");
  const names = repoEnvironmentNames().join(", ");
  if (choice.envFile) {
    const path = resolve(cwd, choice.envFile);
    const environment = validateEnvironment(
      await readEnvironmentFile(path, choice.envFile),
      choice.envFile,
      sections,
      compose,
    );
    await refuseImpostor(environment, path, choice.envFile);
    return environment;
  }
  if (choice.env) {
    const known = repoEnvironment(choice.env);
    if (!known)
      throw new UsageError(`--env ${choice.env}: no such environment; choose one of ${names}, or pass --env-file PATH`);
    return validateEnvironment(known, `environments/${choice.env}.ts`, sections, compose);
  }
  throw new UsageError(`choose an environment: --env ${repoEnvironmentNames().join("|")} or --env-file PATH`);
}
