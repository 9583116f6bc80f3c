// `pnpm run rehearse -- --workflow provision|plan|audit`: runs a workflow's run-steps against a local emulator, with
// the environment GitHub would give them. The work is in @infra/github-oidc; this file only starts it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCommand } from "@infra/cli";
import setupEmulatorTrust from "../packages/emulator/src/testing/index.ts";
import { rehearseCommand } from "../packages/github-oidc/src/rehearsal/rehearse-command.ts";

// NODE_EXTRA_CA_CERTS is read only at process start: make the emulator's CA, then run once more trusting it, through
// tsx as every entry point runs (whatever started this first run). `--help` needs neither.
const help = process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h");
if (process.env.INFRA_REHEARSAL_TRUSTED !== "1" && !help) {
  setupEmulatorTrust();
  const child = spawnSync(process.execPath, ["--import", "tsx/esm", ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, INFRA_REHEARSAL_TRUSTED: "1" },
  });
  process.exitCode = child.status ?? 1;
} else {
  await runCommand(rehearseCommand(join(import.meta.dirname, "..")));
}
