// Root commands that span every task package: `pnpm run plan|provision|destroy|audit|unlock -- --env NAME ...`.
// The work is in @infra/task; this file only picks the command. Everything heavy is imported after the compile cache
// is on, so it is loaded from the cache on every run after the first.
import { join } from "node:path";
import { useCompileCache } from "./compile-cache.ts";

const repoRoot = join(import.meta.dirname, "..");
useCompileCache(repoRoot);

const { runCommand, UsageError } = await import("@infra/cli");
const { rootAuditCommand, rootDestroyCommand, rootPlanCommand, rootProvisionCommand, rootUnlockCommand } = await import(
  "@infra/task/root"
);

// The one list of tasks (@infra/tasks): which packages take part, and what an environment may hold.
const { taskList } = await import("@infra/tasks");

const commands = {
  plan: rootPlanCommand(repoRoot, taskList),
  provision: rootProvisionCommand(repoRoot, taskList),
  destroy: rootDestroyCommand(repoRoot, taskList),
  audit: rootAuditCommand(repoRoot, taskList),
  unlock: rootUnlockCommand(taskList),
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
