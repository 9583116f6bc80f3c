import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Emulator, isAzureCliInstalled, SEED, startEmulator, writeAzureCliCloudConfig } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { connectionsElsewhere } from "./support/emulator-session.ts";

const run = promisify(execFile);
const azOnPath = isAzureCliInstalled();
if (!azOnPath)
  console.warn("azure-cli.emulator.test: skipped: `az` is not on PATH (apt-get install -y azure-cli to run it)");

// AzureCliCredential runs `az` with this process's environment: these are set on process.env (this file's own fork).
const azVariables = ["AZURE_CONFIG_DIR", "REQUESTS_CA_BUNDLE", "AZURE_CORE_COLLECT_TELEMETRY"] as const;
let emulator: Emulator;
let configDir: string;
let saved: Record<string, string | undefined>;

describe.skipIf(!azOnPath)("Azure CLI credential with a real `az` logged in to the emulator", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    configDir = mkdtempSync(join(tmpdir(), "auth-az-"));
    saved = Object.fromEntries(azVariables.map((name) => [name, process.env[name]]));
    process.env.AZURE_CONFIG_DIR = configDir;
    process.env.REQUESTS_CA_BUNDLE = emulator.caPath;
    process.env.AZURE_CORE_COLLECT_TELEMETRY = "false";
    const cloud = join(configDir, "cloud.json");
    writeAzureCliCloudConfig(emulator.url, cloud);
    const options = { env: process.env, timeout: 120_000 };
    await run("az", ["cloud", "register", "-n", "Emulator", "--cloud-config", `@${cloud}`], options);
    await run("az", ["cloud", "set", "-n", "Emulator"], options);
    await run(
      "az",
      ["login", "--service-principal", "-u", SEED.ops.clientId, "-p", SEED.ops.secret, "--tenant", SEED.tenantId],
      options,
    );
    await run("az", ["account", "set", "--subscription", SEED.subscription2], options);
  }, 180_000);

  afterAll(async () => {
    for (const name of azVariables) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    if (emulator) {
      expect(connectionsElsewhere(emulator)).toEqual([]);
      await emulator.close();
    }
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it("signs in through `az` and takes the CLI's default subscription", async () => {
    const env = {
      AZURE_AUTHORITY_HOST: emulator.url,
      AZURE_RESOURCE_MANAGER_ENDPOINT: emulator.url,
      AZURE_CONFIG_DIR: configDir,
    };
    const context = await connectAzure({ task: "test", env, auth: "cli" });
    expect(context.identity).toMatchObject({ credential: "AzureCliCredential", objectId: SEED.ops.objectId });
    expect(context.basis).toBe("--auth cli");
    expect(context).toMatchObject({ subscriptionId: SEED.subscription2, subscriptionSource: "Azure CLI default" });
    const log = await emulator.admin.requests();
    expect(log.some((e) => e.path.startsWith("/adfs/oauth2/token") || e.path.includes("/oauth2/"))).toBe(true);
  }, 120_000);
});
