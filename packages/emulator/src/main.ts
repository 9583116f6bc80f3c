import { parseArgs } from "node:util";
import { writeAzureCliCloudConfig } from "./azure-cli/cloud-config.ts";
import type { ConfigPatch } from "./emulator/admin-client.ts";
import { startEmulator } from "./emulator/start-emulator.ts";
import { InvalidConfigError } from "./realism/realism-config.ts";

const usage =
  "usage: emulator [--port N] [--state DIR] [--as ops|auditor|github|workload] [--az-cloud-config PATH] [--throttling on|off] [--realism off|azure] [--realism-time-scale N]";

interface Flags {
  port?: string;
  state?: string;
  as?: string;
  "az-cloud-config"?: string;
  throttling?: string;
  realism?: string;
  "realism-time-scale"?: string;
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
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
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
