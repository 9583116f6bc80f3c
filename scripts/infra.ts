// Root commands that span every task package: `pnpm run plan|provision|destroy|audit -- --env NAME ...`.
// The work is in @infra/task; this file only picks the command.
import { join } from "node:path";
import { runCommand, UsageError } from "@infra/cli";
import { rootAuditCommand, rootDestroyCommand, rootPlanCommand, rootProvisionCommand } from "@infra/task/root";

const repoRoot = join(import.meta.dirname, "..");
const commands = {
  plan: rootPlanCommand(repoRoot),
  provision: rootProvisionCommand(repoRoot),
  destroy: rootDestroyCommand(repoRoot),
  audit: rootAuditCommand(repoRoot),
};

const [name, ...argv] = process.argv.slice(2);
const command = commands[name as keyof typeof commands];
if (command) {
  await runCommand(command as Parameters<typeof runCommand>[0], argv);
} else {
  await runCommand(
    {
      name: "infra",
      summary: `one of: ${Object.keys(commands).join(", ")}`,
      run() {
        throw new UsageError(`unknown command "${name ?? ""}"; use one of ${Object.keys(commands).join(", ")}`);
      },
    },
    [],
  );
}
