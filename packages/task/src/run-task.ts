import type { ParseArgsOptionsConfig } from "node:util";
import { type CommandDefinition, defineCommand, runCommand, UsageError } from "@infra/cli";
import type { TaskDefinition } from "./task-definition.ts";
import { TASK_SESSION_VARIABLE } from "./task-session-protocol.ts";

type AnyCommand = CommandDefinition<ParseArgsOptionsConfig>;
const asCommand = (command: unknown) => command as AnyCommand;

/** Each way to run a task, imported only when chosen: a process loads what its mode needs and nothing else. */
const commands: Record<string, (definition: TaskDefinition) => Promise<AnyCommand>> = {
  plan: async (definition) => asCommand((await import("./task-plan-command.ts")).planCommand(definition)),
  audit: async (definition) => asCommand((await import("./task-audit-command.ts")).auditCommand(definition)),
};

/**
 * The whole of a task package's `main.ts`: `await runTask(definition)`. Under a root command (the task session's
 * address in the environment) it joins that run; run by a person, `plan` and `audit` print this task's part.
 * Writes happen only under a root command, which holds the environment's lock and checks the whole plan first.
 */
export async function runTask(
  definition: TaskDefinition,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const [phase, ...rest] = argv;
  if (process.env[TASK_SESSION_VARIABLE]) {
    const { sessionCommand } = await import("./task-session-command.ts");
    return runCommand(asCommand(sessionCommand(definition)), rest);
  }
  const command = phase === undefined ? undefined : commands[phase];
  if (command) return runCommand(await command(definition), rest);
  return runCommand(
    defineCommand({
      name: definition.name,
      summary: definition.summary,
      run() {
        throw new UsageError(
          phase === "provision"
            ? "a task applies only under the root command: pnpm run provision -- --env NAME"
            : `the first argument must be one of: ${Object.keys(commands).join(" | ")}`,
        );
      },
    }),
    [],
  );
}
