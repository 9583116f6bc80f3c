import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, UsageError } from "@infra/cli";
import { repoEnvironments } from "../environments/index.ts";
import type { Environment } from "./environment-schema.ts";
import { validateEnvironment } from "./validate-environment.ts";

export interface EnvironmentChoice {
  /** `--env NAME`: one of the repo's environments. */
  env?: string | undefined;
  /** `--env-file PATH`: any other environment, as .json or .ts. */
  envFile?: string | undefined;
}

async function readEnvironmentFile(path: string): Promise<unknown> {
  const extension = extname(path);
  if (extension === ".json") {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new ConfigError(`--env-file ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`--env-file ${path}: not valid JSON: ${(error as Error).message}`, [
        { path, message: `fix the JSON syntax (${(error as Error).message})` },
      ]);
    }
  }
  if ([".ts", ".mts", ".js", ".mjs"].includes(extension)) {
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`--env-file ${path}: cannot load it: ${(error as Error).message}`);
    }
    const data = loaded.default ?? loaded.environment;
    if (data === undefined) {
      throw new ConfigError(
        `--env-file ${path}: export the environment as default (export default defineEnvironment({...}))`,
      );
    }
    return data;
  }
  throw new ConfigError(`--env-file ${path}: use a .json or .ts file`);
}

/** Resolves `--env` / `--env-file` to a validated environment; problems exit 2 before any call to Azure. */
export async function loadEnvironment(choice: EnvironmentChoice, cwd = process.cwd()): Promise<Environment> {
  if (choice.env && choice.envFile) throw new UsageError("give either --env NAME or --env-file PATH, not both");
  if (choice.envFile) {
    const path = resolve(cwd, choice.envFile);
    return validateEnvironment(await readEnvironmentFile(path), choice.envFile);
  }
  if (choice.env) {
    const known = repoEnvironments[choice.env];
    if (!known) {
      const names = Object.keys(repoEnvironments).join(", ");
      throw new UsageError(`--env ${choice.env}: no such environment; choose one of ${names}, or pass --env-file PATH`);
    }
    return validateEnvironment(known, `environments/${choice.env}.ts`);
  }
  throw new UsageError(`choose an environment: --env ${Object.keys(repoEnvironments).join("|")} or --env-file PATH`);
}
