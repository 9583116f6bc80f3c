import { parseArgs } from "node:util";
import { writeAzureCliCloudConfig } from "./azure-cli/cloud-config.ts";
import { startEmulator } from "./emulator/start-emulator.ts";

const usage =
  "usage: emulator [--port N] [--state DIR] [--as ops|auditor|github|workload] [--az-cloud-config PATH] [--throttling on|off]";

async function main(): Promise<void> {
  let values: { port?: string; state?: string; as?: string; "az-cloud-config"?: string; throttling?: string };
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
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (values.throttling !== undefined && values.throttling !== "on" && values.throttling !== "off") {
    console.error(`--throttling ${values.throttling}: use on or off\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator({
    port: values.port ? Number(values.port) : 0,
    stateDir: values.state,
    ...(values.throttling === "off" ? { config: { throttling: { enabled: false } } } : {}),
  });
  const env = emulator.env(values.as ?? "ops");
  for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${JSON.stringify(v)}`);
  if (values["az-cloud-config"]) {
    writeAzureCliCloudConfig(emulator.url, values["az-cloud-config"]);
  }
  console.log(`ready: ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => console.error("emulator => stopped"));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
