import { defineCommand, needsAttention } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { hasPendingChanges, writePlanFile } from "@infra/plan";
import { planAllTasks } from "./combined-plan.ts";
import { printPlan } from "./plan-output.ts";
import { PlanHasProblemsError } from "./task-errors.ts";
import { withRunDirectory } from "./task-run-directory.ts";

/** `pnpm run plan -- --env X [--out plan.json] [--prune] [--detailed-exitcode]`: one combined plan of every task. */
export function rootPlanCommand(repoRoot: string) {
  return defineCommand({
    name: "plan",
    summary: "Show what provisioning would change in an environment (reads only; changes nothing).",
    usage: `  --out PATH            save the plan; apply exactly it with \`pnpm run provision -- --plan PATH\`
  --prune               also delete owned resources that left the configuration
  --detailed-exitcode   exit 3 when changes are pending, 0 when Azure matches the configuration`,
    options: {
      out: { type: "string" },
      prune: { type: "boolean" },
      "detailed-exitcode": { type: "boolean" },
    },
    async run(run) {
      const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile });
      const plan = await withRunDirectory((dir) =>
        planAllTasks(run, {
          environment,
          prune: run.values.prune === true,
          destroy: false,
          dir,
          repoRoot,
          cwd: process.cwd(),
        }),
      );
      if (run.values.out) await writePlanFile(run.values.out, plan);
      printPlan(run, plan, []);
      if (run.values.out) run.log.info("saved the plan to %s", run.values.out);
      if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
      return run.values["detailed-exitcode"] && hasPendingChanges(plan) ? needsAttention("changes pending") : undefined;
    },
  });
}
