import { defineCommand, needsAttention } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { hasPendingChanges, writePlanFile } from "@infra/plan";
import { checkWritable } from "./checked-inputs.ts";
import { planEnvironment } from "./plan-environment.ts";
import { parsePlanFormat, printPlan } from "./plan-output.ts";
import { withRootSession } from "./root-session.ts";
import { deletesAndProtection } from "./safety-usage.ts";
import { PlanHasProblemsError } from "./task-errors.ts";
import type { TaskList } from "./task-list.ts";

/** `pnpm run plan -- --env X [--out plan.json] [--prune] [--detailed-exitcode]`: one combined plan of every task. */
export function rootPlanCommand(repoRoot: string, tasks: TaskList) {
  return defineCommand({
    name: "plan",
    summary: "Show what provisioning would change in an environment (reads only; changes nothing).",
    usage: `  --out PATH            save the plan; apply exactly it with \`pnpm run provision -- --plan PATH\`
  --format text|json|mermaid   how to print it (default text; --json = json; mermaid: a diagram of the changes)
  --prune               also delete owned resources that left the configuration
  --detailed-exitcode   exit 3 when changes are pending, 0 when Azure matches the configuration
${deletesAndProtection}`,
    options: {
      out: { type: "string" },
      format: { type: "string" },
      prune: { type: "boolean" },
      "detailed-exitcode": { type: "boolean" },
    },
    async run(run) {
      const format = parsePlanFormat(run.values.format, run.flags.json);
      await checkWritable("--out", run.values.out);
      const environment = await loadEnvironment(
        { env: run.flags.env, envFile: run.flags.envFile },
        await tasks.sections(),
      );
      run.log.info("planning %s: reading live state", environment.name);
      const plan = await withRootSession(run, { turboTask: "provision", repoRoot, tasks }, (session) =>
        planEnvironment(session.runtimes, { prune: run.values.prune === true, destroy: false }, run.signal),
      );
      if (run.values.out) await writePlanFile(run.values.out, plan);
      printPlan(run, plan, [], format);
      if (run.values.out) run.log.info("saved the plan to %s", run.values.out);
      if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
      return run.values["detailed-exitcode"] && hasPendingChanges(plan) ? needsAttention("changes pending") : undefined;
    },
  });
}
