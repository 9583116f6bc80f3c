// `pnpm run demo [-- --keep]`: the repository's story in under a minute with no Azure account. An emulator starts in
// this process (free ports, a temporary CA, nothing left behind) and the real root commands run against it as child
// processes, each announced with the command a person would type.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStep, type StepResult } from "./demo-run-step.ts";
import { type DemoStep, demoSteps } from "./demo-steps.ts";
import { parseScriptArgs } from "./script-args.ts";

const usage = `demo - the repository's story in under a minute with no Azure account: a local emulator starts in this process
and the real root commands (whoami, audit, plan, provision, rehearse) run against it, each printed as you would type it.

Usage: pnpm run demo [-- --keep]

Options:
  --keep       leave the emulator running afterwards and print how to point the scripts and \`az\` at it
  --help, -h   show this help

Exit codes: 0 every step ended as expected, 1 a step did not (its output above says why)`;
const { values } = parseScriptArgs(usage, { keep: { type: "boolean" } });
const keep = values.keep === true;
// Loaded after the command line is read, so `--help` starts nothing.
const { SEED, startEmulator, writeAzureCliCloudConfig } = await import("@infra/emulator");

const repoRoot = join(import.meta.dirname, "..");
const started = performance.now();
const say = (text: string) => process.stdout.write(`${text}\n`);

const emulator = await startEmulator({
  // Creates complete on the SDK's first poll (core-lro polls once immediately), so the demo waits on no timers.
  config: { lro: { style: "location", pollsBeforeDone: 0, retryAfterSeconds: 1 } },
});
say(`demo => emulator ready at ${emulator.url} (tenant ${SEED.tenantId}, subscription ${SEED.subscription1})`);

// The children act as the seed's `ops` service principal. Inherited Azure variables are dropped first, so a shell
// logged in to real Azure cannot leak a credential or a subscription into the demo.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(AZURE_|ACTIONS_ID_TOKEN_|IDENTITY_|MSI_|GITHUB_)/.test(name)),
);
const env: Record<string, string | undefined> = { ...inherited, ...emulator.env("ops"), TURBO_TELEMETRY_DISABLED: "1" };

const steps: DemoStep[] = demoSteps({ rehearsal: existsSync(join(repoRoot, "scripts", "rehearse.ts")) });
const results: StepResult[] = [];
let failed: StepResult | undefined;
try {
  for (const [index, step] of steps.entries()) {
    say(`\n━━ ${index + 1}/${steps.length} ${step.title}`);
    if (step.skip) {
      say(`   skipped: ${step.skip}`);
      continue;
    }
    say(`$ ${step.typed}`);
    const result = await runStep(step, { cwd: repoRoot, env });
    results.push(result);
    say(
      `   exit ${result.code} in ${(result.ms / 1000).toFixed(1)} s${result.code === step.expect ? ` - ${step.outcome}` : ""}`,
    );
    if (result.code !== step.expect) {
      failed = result;
      break;
    }
  }
} finally {
  if (!keep || failed) await emulator.close();
}

const total = (performance.now() - started) / 1000;
say("\n━━ summary");
for (const result of results)
  say(
    `   ${result.code === result.step.expect ? "ok  " : "FAIL"}  exit ${result.code}  ${(result.ms / 1000).toFixed(1).padStart(5)} s  ${result.step.typed}`,
  );
say(`   demo wall time ${total.toFixed(1)} s`);
if (failed) {
  process.stderr.write(
    `demo => "${failed.step.typed}" exited ${failed.code}, expected ${failed.step.expect}; its output above says why. See docs/troubleshooting.md\n`,
  );
  process.exitCode = 1;
} else if (keep) {
  printKeepInstructions();
} else {
  say(
    "\nNext: `pnpm run demo -- --keep` leaves the emulator running to try commands yourself; docs/ explains the rest.",
  );
}

/** `--keep`: the emulator stays up until Ctrl-C; print how to point the scripts and `az` at it. */
function printKeepInstructions(): void {
  const azDir = mkdtempSync(join(tmpdir(), "infra-demo-az-"));
  const cloudConfig = join(azDir, "cloud.json");
  writeAzureCliCloudConfig(emulator.url, cloudConfig);
  const lines = Object.entries(emulator.env("ops")).map(([name, value]) => `export ${name}=${JSON.stringify(value)}`);
  say("\nThe emulator is still running. In another shell, point the scripts at it:");
  for (const line of lines) say(`  ${line}`);
  say("  pnpm run plan -- --env local        # and provision, audit, destroy, whoami");
  say("\nAnd the Azure CLI (2.45+), in the same shell:");
  say(
    `  export REQUESTS_CA_BUNDLE=${JSON.stringify(emulator.caPath)} AZURE_CONFIG_DIR=${JSON.stringify(join(azDir, "az"))}`,
  );
  say("  export AZURE_CORE_COLLECT_TELEMETRY=false");
  say(`  az cloud register -n Local --cloud-config @${cloudConfig} && az cloud set -n Local`);
  say(`  az login --service-principal -u ${SEED.ops.clientId} -p ${SEED.ops.secret} --tenant ${SEED.tenantId}`);
  say("  az storage account list -o table");
  say("\nCtrl-C stops the emulator and removes its temporary files.");
  const stop = () => {
    rmSync(azDir, { recursive: true, force: true });
    void emulator.close().then(() => process.stderr.write("demo => emulator stopped\n"));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
