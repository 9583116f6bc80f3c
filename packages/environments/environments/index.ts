import { readdirSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import type { EnvironmentInput } from "../src/environment-schema.ts";

/**
 * The environments this repository declares, by the name `--env` takes: every `<name>.ts` beside this file. Adding an
 * environment is adding its file; there is no list to keep in step with the directory.
 */
const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .sort();

export const repoEnvironments: Record<string, EnvironmentInput> = Object.fromEntries(
  await Promise.all(
    files.map(async (file) => {
      const loaded = (await import(pathToFileURL(`${import.meta.dirname}/${file}`).href)) as {
        default: EnvironmentInput;
      };
      return [basename(file, ".ts"), loaded.default] as const;
    }),
  ),
);
