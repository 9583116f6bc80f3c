import { defineCommand, UsageError } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { readPlanFile } from "@infra/plan";
import { planAllTasks } from "./combined-plan.ts";
import { applyWithConfirmation } from "./root-apply-flow.ts";
import { withRunDirectory } from "./task-run-directory.ts";

const sharedUsage = `  --yes                 apply without asking (required without a terminal)
  --confirm-env NAME    also required for a protected environment without a terminal: its name
  --concurrency N       changes in flight at once per task (default 64)`;

/** `pnpm run provision -- --env X [--plan plan.json] [--prune] [--yes] [--confirm-env X]`. */
export function rootProvisionCommand(repoRoot: string) {
  return defineCommand({
    name: "provision",
    summary: "Make an environment match the configuration: plan, show, confirm once, apply in dependency order.",
    usage: `  --plan PATH           apply exactly this saved plan (refused if live state moved since it was made)
  --prune               also delete owned resources that left the configuration
${sharedUsage}`,
    options: {
      plan: { type: "string" },
      prune: { type: "boolean" },
      "confirm-env": { type: "string" },
      concurrency: { type: "string" },
    },
    async run(run) {
      const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile });
      await withRunDirectory(async (dir) => {
        const cwd = process.cwd();
        let plan = run.values.plan ? await readPlanFile(run.values.plan) : undefined;
        if (plan && run.values.prune) throw new UsageError("--prune is decided when the plan is made, not with --plan");
        if (plan && plan.environment !== environment.name) {
          throw new UsageError(`${run.values.plan} is a plan for "${plan.environment}", not "${environment.name}"`);
        }
        plan ??= await planAllTasks(run, {
          environment,
          prune: run.values.prune === true,
          destroy: false,
          dir,
          repoRoot,
          cwd,
        });
        await applyWithConfirmation(run, {
          environment,
          plan,
          turboTask: "apply",
          verb: "apply",
          confirmEnv: run.values["confirm-env"],
          concurrency: run.values.concurrency,
          dir,
          repoRoot,
          cwd,
        });
      });
    },
  });
}

/** `pnpm run destroy -- --env X`: deletes what this repo owns in the environment, and nothing else. */
export function rootDestroyCommand(repoRoot: string) {
  return defineCommand({
    name: "destroy",
    summary: "Delete every resource this repo owns in an environment (unowned resources are never touched).",
    usage: sharedUsage,
    options: { "confirm-env": { type: "string" }, concurrency: { type: "string" } },
    async run(run) {
      const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile });
      await withRunDirectory(async (dir) => {
        const cwd = process.cwd();
        const plan = await planAllTasks(run, { environment, prune: true, destroy: true, dir, repoRoot, cwd });
        await applyWithConfirmation(run, {
          environment,
          plan,
          turboTask: "destroy",
          verb: "destroy",
          confirmEnv: run.values["confirm-env"],
          concurrency: run.values.concurrency,
          dir,
          repoRoot,
          cwd,
        });
      });
    },
  });
}
