import { type AnyCommand, anyCommand, defineCommand, runCommand, UsageError } from "@infra/cli";
import { startProcess } from "@infra/cli/process-start";
import type { TaskDefinition } from "./task-definition.ts";
import { TASK_SESSION_PACKAGES_VARIABLE, TASK_SESSION_VARIABLE } from "./task-session-protocol.ts";

/** Each way to run a task, imported only when chosen: a process loads what its mode needs and nothing else. */
const commands: Record<string, (definition: TaskDefinition) => Promise<AnyCommand>> = {
  plan: async (definition) => anyCommand((await import("./task-plan-command.ts")).planCommand(definition)),
  audit: async (definition) => anyCommand((await import("./task-audit-command.ts")).auditCommand(definition)),
};

/**
 * Under a root command, the turbo task's name says which mode the root will ask for (`audit`, or `plan` and
 * `provision`): its modules start loading now, while this process joins the session and waits for the other tasks
 * and the root's sign-in, instead of after the root's first request. A load that fails here fails again, and is
 * reported, when the request uses it.
 */
function warmMode(definition: TaskDefinition, phase: string | undefined): void {
  const loading =
    phase === "audit" ? [definition.audit?.()] : [definition.provisioning?.(), import("./provisioning-runtime.ts")];
  for (const load of loading) load?.catch(() => undefined);
}

/**
 * The whole of a task package's `main.ts`: `await runTask(definition)`. Under a root command (the task session's
 * address in the environment) it joins that run; run by a person, `plan` and `audit` print this task's part.
 * Writes happen only under a root command, which holds the environment's lock and checks the whole plan first.
 * The definition's loaders `import()` the SDK clients, so startProcess comes before any of them.
 */
export async function runTask(
  definition: TaskDefinition,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  startProcess();
  const [phase, ...rest] = argv;
  if (process.env[TASK_SESSION_VARIABLE]) {
    warmMode(definition, phase);
    const { sessionCommand } = await import("./task-session-command.ts");
    const member = { packageName: process.env.npm_package_name ?? definition.name, definition };
    return runCommand(anyCommand(sessionCommand([member])), rest);
  }
  const command = phase === undefined ? undefined : commands[phase];
  if (command) return runCommand(await command(definition), rest);
  return refuse(
    definition.name,
    definition.summary,
    phase === "provision"
      ? "a task applies only under the root command: pnpm run provision -- --env NAME"
      : `the first argument must be one of: ${Object.keys(commands).join(" | ")}`,
  );
}

/** A way of running the process that it does not offer: its usage error, with its help and exit code 2. */
function refuse(name: string, summary: string, message: string): Promise<number> {
  return runCommand(
    defineCommand({
      name,
      summary,
      run() {
        throw new UsageError(message);
      },
    }),
    [],
  );
}

/**
 * The whole of the task list's audit `main.ts`: under `pnpm run audit`, one process answers for every task the root
 * names (INFRA_TASK_SESSION_PACKAGES), each task joining the session as its own process would. An audit only reads,
 * and its tasks share one SDK pipeline and one token: one process loads the few hundred modules they have in common
 * once, instead of once per task. `loadTask` imports a task package's definition (only the list can import them all).
 */
export async function runTaskAudits(
  loadTask: (packageName: string) => Promise<TaskDefinition>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  startProcess();
  const packages = (process.env[TASK_SESSION_PACKAGES_VARIABLE] ?? "").split(",").filter(Boolean);
  if (!process.env[TASK_SESSION_VARIABLE] || packages.length === 0) {
    return refuse(
      "audit",
      "Every task's audit in one process, under the root command.",
      "this runs under the root command only: pnpm run audit (one task on its own: pnpm --filter <task package> run audit)",
    );
  }
  const members = await Promise.all(
    packages.map(async (packageName) => ({ packageName, definition: await loadTask(packageName) })),
  );
  for (const { definition } of members) warmMode(definition, "audit");
  const { sessionCommand } = await import("./task-session-command.ts");
  return runCommand(anyCommand(sessionCommand(members)), argv);
}
