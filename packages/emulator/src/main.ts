import { parseArgs } from "node:util";
import { writeAzureCliCloudConfig } from "./azure-cli/cloud-config.ts";
import type { ConfigPatch } from "./emulator/admin-client.ts";
import { startEmulator } from "./emulator/start-emulator.ts";
import { InvalidConfigError } from "./realism/realism-config.ts";

const usage = `emulator - a local Azure (Entra ID token endpoint, GitHub OIDC issuer, managed identity and Resource Manager)
over HTTPS on 127.0.0.1, seeded with a tenant, two subscriptions and service principals. Prints \`export ...\` lines that
point the scripts at it, then \`ready: URL\`; Ctrl-C stops it. See docs/emulator.md.

Usage: pnpm run emulator [-- options]

Options:
  --port N                   listen on port N (default: a free port)
  --state DIR                keep the CA, signing keys and every resource in DIR across restarts
  --as ops|auditor|github|workload
                             the seeded principal the printed variables sign in as (default ops)
  --az-cloud-config PATH     write a cloud definition for \`az cloud register --cloud-config @PATH\`
  --throttling on|off        Azure's request limits, answered with 429 (default on)
  --realism off|azure        latency and eventual consistency as Azure shows them (default off)
  --realism-time-scale N     with --realism azure: multiply its delays by N
  --help, -h                 show this help`;

interface Flags {
  port?: string;
  state?: string;
  as?: string;
  "az-cloud-config"?: string;
  throttling?: string;
  realism?: string;
  "realism-time-scale"?: string;
  help?: boolean;
}

/** The config the flags ask for, or a usage problem. */
function configOf(values: Flags): ConfigPatch | string {
  if (values.throttling !== undefined && values.throttling !== "on" && values.throttling !== "off") {
    return `--throttling ${values.throttling}: use on or off`;
  }
  if (values.realism !== undefined && values.realism !== "off" && values.realism !== "azure") {
    return `--realism ${values.realism}: use off or azure`;
  }
  const timeScale = values["realism-time-scale"] === undefined ? undefined : Number(values["realism-time-scale"]);
  if (timeScale !== undefined && values.realism === undefined) return "--realism-time-scale needs --realism azure";
  const config: ConfigPatch = {};
  if (values.throttling === "off") config.throttling = { enabled: false };
  if (values.realism !== undefined) {
    config.realism = { profile: values.realism, ...(timeScale === undefined ? {} : { timeScale }) };
  }
  return config;
}

async function main(): Promise<void> {
  let values: Flags;
  try {
    // pnpm 12 forwards the `--` of `pnpm run emulator -- --port 0` literally.
    const argv = process.argv.slice(2);
    ({ values } = parseArgs({
      args: argv[0] === "--" ? argv.slice(1) : argv,
      options: {
        port: { type: "string" },
        state: { type: "string" },
        as: { type: "string" },
        "az-cloud-config": { type: "string" },
        throttling: { type: "string" },
        realism: { type: "string" },
        "realism-time-scale": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const config = configOf(values);
  if (typeof config === "string") {
    console.error(`${config}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ port: values.port ? Number(values.port) : 0, stateDir: values.state, config });
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    console.error(`${error.message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const env = emulator.env(values.as ?? "ops");
  for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${JSON.stringify(v)}`);
  if (values["az-cloud-config"]) {
    writeAzureCliCloudConfig(emulator.url, values["az-cloud-config"]);
  }
  if (values.realism === "azure")
    console.error("emulator => realism => azure profile (docs/emulator.md, Realism mode)");
  console.log(`ready: ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => console.error("emulator => stopped"));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
