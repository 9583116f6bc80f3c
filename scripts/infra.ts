// Root commands that span every task package: `pnpm run plan|provision|destroy|audit|unlock -- --env NAME ...`.
// The work is in @infra/task; this file only picks the command. Everything heavy is imported after startProcess (the
// compile cache, source maps for our code only), so it is loaded from the cache on every run after the first.
import { join } from "node:path";
import { startProcess } from "@infra/cli/process-start";

startProcess();
const repoRoot = join(import.meta.dirname, "..");

const { runCommand, UsageError } = await import("@infra/cli");
const { rootCommands } = await import("@infra/task/root");

// The one list of tasks (@infra/tasks): which packages take part, and what an environment may hold.
const { taskList } = await import("@infra/tasks");

const commands = Object.keys(rootCommands);
const [name, ...argv] = process.argv.slice(2);
// Only the chosen command's module is loaded: `audit` never loads the plan engine.
const command = name !== undefined && Object.hasOwn(rootCommands, name) ? rootCommands[name] : undefined;
if (command) {
  await runCommand(await command(repoRoot, taskList), argv);
} else {
  await runCommand(
    {
      name: "infra",
      summary: `one of: ${commands.join(", ")}`,
      run() {
        throw new UsageError(`unknown command "${name ?? ""}"; use one of ${commands.join(", ")}`);
      },
    },
    [],
  );
}
