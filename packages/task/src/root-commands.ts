// The root commands alone (`@infra/task/root`): what scripts/infra.ts loads. Nothing here imports @infra/auth or the
// ARM SDKs — the tasks that turbo starts do — so `pnpm run audit` does not pay for them twice.
export { rootAuditCommand } from "./root-audit-command.ts";
export { rootPlanCommand } from "./root-plan-command.ts";
export { rootDestroyCommand, rootProvisionCommand } from "./root-provision-command.ts";
export { rootUnlockCommand } from "./root-unlock-command.ts";
export type { TaskList } from "./task-list.ts";
