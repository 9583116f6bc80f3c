import { execFile } from "node:child_process";
import type { EnvVars } from "./env-vars.ts";

/**
 * The Azure CLI's default subscription (`az account show`), or undefined when az is absent, not logged in or slow.
 * Only asked when the CLI credential is the one in use, so it names the same login.
 */
export function azureCliDefaultSubscription(env: EnvVars = process.env): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      "az",
      ["account", "show", "--query", "id", "--output", "tsv"],
      { env: { ...env }, timeout: 30_000, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}
