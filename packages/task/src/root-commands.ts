// The root commands alone (`@infra/task/root`): what scripts/infra.ts loads. Each is imported only when chosen, so
// `pnpm run audit` does not load the plan engine and the apply flow. Nothing here imports @infra/auth or the ARM SDKs
// up front: a command that signs in loads them after turbo has started the tasks.
import { type AnyCommand, anyCommand } from "@infra/cli";
import type { TaskList } from "./task-list.ts";

export type { TaskList } from "./task-list.ts";

/**
 * Each root command by name: a loader that imports its module and builds it for this checkout and task list. Each
 * command has its own options; its caller only runs it.
 */
export const rootCommands: Record<string, (repoRoot: string, tasks: TaskList) => Promise<AnyCommand>> = {
  plan: async (repoRoot, tasks) =>
    anyCommand((await import("./root-plan-command.ts")).rootPlanCommand(repoRoot, tasks)),
  provision: async (repoRoot, tasks) =>
    anyCommand((await import("./root-provision-command.ts")).rootProvisionCommand(repoRoot, tasks)),
  destroy: async (repoRoot, tasks) =>
    anyCommand((await import("./root-provision-command.ts")).rootDestroyCommand(repoRoot, tasks)),
  audit: async (repoRoot, tasks) =>
    anyCommand((await import("./root-audit-command.ts")).rootAuditCommand(repoRoot, tasks)),
  unlock: async (_repoRoot, tasks) => anyCommand((await import("./root-unlock-command.ts")).rootUnlockCommand(tasks)),
};
