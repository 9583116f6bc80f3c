// Under `pnpm run audit`, turbo starts this one process for every listed task's audit (see runTaskAudits). One task
// audited on its own runs from its own package: pnpm --filter <task package> run audit.
import { runTaskAudits } from "@infra/task/run-task";
import { loadTaskDefinition } from "./tasks.ts";

await runTaskAudits(loadTaskDefinition);
