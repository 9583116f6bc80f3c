import type { ParseArgsOptionsConfig } from "node:util";
import { EXIT_CODES_LINE } from "./exit-codes.ts";

/** The flags every command accepts, parsed. */
export interface CommonFlags {
  /** `--env NAME`: an environment of this repo (local, dev, prod). */
  env: string | undefined;
  /** `--env-file PATH`: an environment file elsewhere. Exclusive with `--env`. */
  envFile: string | undefined;
  /** `--yes`: confirm changes without asking (CI). Only commands that change things say so in their usage. */
  yes: boolean;
  /** `--json`: stdout is exactly one JSON document. */
  json: boolean;
  /** `--verbose`: debug lines, Azure SDK logs (redacted) and stacks. */
  verbose: boolean;
  /** `--auth METHOD`: use this credential only (checked by @infra/auth; it reaches every process the command starts). */
  auth: string | undefined;
  help: boolean;
}

export const commonOptions = {
  env: { type: "string" },
  "env-file": { type: "string" },
  yes: { type: "boolean", short: "y" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  auth: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsOptionsConfig;

export const commonOptionsUsage = `Common options:
  --env NAME        target the environment NAME (local, dev, prod)
  --env-file PATH   target the environment described in PATH instead
  --json            print the result as one JSON document on stdout
  --verbose, -v     debug logs, Azure SDK logs (secrets redacted), stacks on error
  --auth METHOD     use this credential only: cli, github, workload, managed-identity, env
  --help, -h        show this help

${EXIT_CODES_LINE}`;
