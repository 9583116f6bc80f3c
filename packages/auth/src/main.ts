// `pnpm run whoami`. The credential and the ARM clients are imported after startProcess (the compile cache, source
// maps for our code only), so they load from the cache on every run after the first.
import { startProcess } from "@infra/cli/process-start";

startProcess();
const { runCommand } = await import("@infra/cli");
const { whoamiCommand } = await import("./whoami-command.ts");

await runCommand(whoamiCommand);
