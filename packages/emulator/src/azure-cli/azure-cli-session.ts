import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Emulator } from "../emulator/start-emulator.ts";
import { SEED } from "../seed/seed-ids.ts";
import { writeAzureCliCloudConfig } from "./cloud-config.ts";

const run = promisify(execFile);

/** The real `az`, signed in to one emulator as a service principal, in a config directory of its own. */
export interface AzureCliSession {
  /** The environment every `az` call of the session runs with (config dir, CA bundle, no telemetry). */
  env: NodeJS.ProcessEnv;
  /** Runs `az ARGS --output json` and parses what it prints (undefined when it prints nothing). */
  az(...args: string[]): Promise<unknown>;
  /** Removes the config directory. */
  close(): void;
}

/**
 * Registers the emulator as an Azure CLI cloud, selects it and signs in with a seeded principal's secret
 * (`ops` by default). The caller checks `isAzureCliInstalled()` first.
 */
export async function loginAzureCli(
  emulator: Emulator,
  principal: { clientId: string; secret: string } = SEED.ops,
): Promise<AzureCliSession> {
  const configDir = mkdtempSync(join(tmpdir(), "az-emulator-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: configDir,
    AZURE_CONFIG_DIR: configDir,
    AZURE_CORE_COLLECT_TELEMETRY: "false",
    REQUESTS_CA_BUNDLE: emulator.caPath,
  };
  const az = async (...args: string[]): Promise<unknown> => {
    const { stdout } = await run("az", [...args, "--output", "json"], { env, timeout: 120_000 });
    return stdout.trim().length > 0 ? (JSON.parse(stdout) as unknown) : undefined;
  };
  const cloud = join(configDir, "cloud.json");
  writeAzureCliCloudConfig(emulator.url, cloud);
  await az("cloud", "register", "-n", "Emulator", "--cloud-config", `@${cloud}`);
  await az("cloud", "set", "-n", "Emulator");
  await az("login", "--service-principal", "-u", principal.clientId, "-p", principal.secret, "--tenant", SEED.tenantId);
  return { env, az, close: () => rmSync(configDir, { recursive: true, force: true }) };
}
