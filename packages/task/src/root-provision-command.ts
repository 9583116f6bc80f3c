import { type CommonFlags, defineCommand, UsageError } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { comparePlans, type Plan, StalePlanError } from "@infra/plan";
import { applyDeadlines, deadlineUsage } from "./apply-deadlines.ts";
import { readSavedPlan } from "./checked-inputs.ts";
import { planEnvironment } from "./plan-environment.ts";
import { applyWithConfirmation, parseConcurrency } from "./root-apply-flow.ts";
import { withRootSession } from "./root-session.ts";
import { deletesAndProtection } from "./safety-usage.ts";
import { markStalePlan } from "./stale-plan-output.ts";
import type { TaskList } from "./task-list.ts";

const sharedUsage = `  --yes                 apply without asking (required without a terminal)
  --confirm-env NAME    also required for a protected environment without a terminal: its name
  --concurrency N       changes in flight at once (default 64)
${deadlineUsage}`;

const sharedOptions = {
  "confirm-env": { type: "string" },
  concurrency: { type: "string" },
  "operation-timeout": { type: "string" },
  timeout: { type: "string" },
} as const;

type SharedValues = { readonly [name in keyof typeof sharedOptions]?: string };

/** What provision and destroy read before anything starts: the environment, its deadlines, the concurrency. */
async function applyInputs(run: { flags: CommonFlags; values: SharedValues }, tasks: TaskList) {
  const concurrency = parseConcurrency(run.values.concurrency);
  const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile }, await tasks.sections());
  const deadlines = applyDeadlines(environment, {
    operationTimeout: run.values["operation-timeout"],
    timeout: run.values.timeout,
  });
  return { concurrency, environment, deadlines };
}

/** `pnpm run provision -- --env X [--plan plan.json] [--prune] [--yes] [--confirm-env X]`. */
export function rootProvisionCommand(repoRoot: string, tasks: TaskList) {
  return defineCommand({
    name: "provision",
    summary: "Make an environment match the configuration: plan, show, confirm once, apply in dependency order.",
    usage: `  --plan PATH           apply this saved plan (from \`plan --out\`) only if it is exactly what a fresh plan of the
                        same configuration gives now; otherwise nothing is written and each difference is named
  --prune               also delete what this environment owns that left the configuration
${sharedUsage}
${deletesAndProtection}`,
    options: { plan: { type: "string" }, prune: { type: "boolean" }, ...sharedOptions },
    async run(run) {
      if (run.values.plan && run.values.prune) {
        throw new UsageError("--prune is decided when the plan is made, not with --plan");
      }
      const { concurrency, environment, deadlines } = await applyInputs(run, tasks);
      const saved = run.values.plan ? await readSavedPlan(run.values.plan) : undefined;
      if (saved && saved.environment !== environment.name) {
        throw new UsageError(`${run.values.plan} is a plan for "${saved.environment}", not "${environment.name}"`);
      }
      const planRequest = { prune: saved ? saved.prune : run.values.prune === true, destroy: false };
      await withRootSession(run, { turboTask: "provision", repoRoot, tasks }, async (session) => {
        run.log.info("planning %s: reading live state", environment.name);
        const fresh = await planEnvironment(session.runtimes, planRequest, run.signal);
        let approved: Plan = fresh;
        if (saved) {
          // A saved plan is shown and confirmed only when it is what the configuration and Azure give now.
          const mismatches = comparePlans(saved, fresh);
          if (mismatches.length > 0) throw new StalePlanError(mismatches);
          approved = saved;
        }
        await applyWithConfirmation(run, {
          environment,
          plan: approved,
          planRequest,
          runtimes: session.runtimes,
          verb: "apply",
          confirmEnv: run.values["confirm-env"],
          concurrency,
          deadlines,
        });
      }).catch(markStalePlan(run.env));
    },
  });
}

/** `pnpm run destroy -- --env X`: deletes what this repo owns in the environment, and nothing else. */
export function rootDestroyCommand(repoRoot: string, tasks: TaskList) {
  return defineCommand({
    name: "destroy",
    summary: "Delete every resource this repo owns in an environment (unowned resources are never touched).",
    usage: `${sharedUsage}
${deletesAndProtection}`,
    options: sharedOptions,
    async run(run) {
      const { concurrency, environment, deadlines } = await applyInputs(run, tasks);
      const planRequest = { prune: true, destroy: true };
      await withRootSession(run, { turboTask: "provision", repoRoot, tasks }, async (session) => {
        run.log.info("planning the destruction of %s: reading live state", environment.name);
        const plan = await planEnvironment(session.runtimes, planRequest, run.signal);
        await applyWithConfirmation(run, {
          environment,
          plan,
          planRequest,
          runtimes: session.runtimes,
          verb: "destroy",
          confirmEnv: run.values["confirm-env"],
          concurrency,
          deadlines,
        });
      });
    },
  });
}
