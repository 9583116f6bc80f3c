import { defineCommand, needsAttention } from "@infra/cli";
import { hasPendingChanges, withContentProblems, writePlanFile } from "@infra/plan";
import { localTaskRuntime } from "./local-task-runtime.ts";
import { printPlan } from "./plan-output.ts";
import { connectionsFor } from "./task-connections.ts";
import type { TaskDefinition } from "./task-definition.ts";
import { PlanHasProblemsError } from "./task-errors.ts";

/** `plan`, run by a person: this task's part of the plan, printed; changes nothing. */
export function planCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} plan`,
    summary: `${definition.summary} Shows this task's part of the plan; changes nothing.`,
    usage: `  --out PATH  save the plan    --prune  delete owned leftovers    --destroy  plan removing all owned resources
  --detailed-exitcode  exit 3 when changes are pending`,
    options: {
      out: { type: "string" },
      prune: { type: "boolean" },
      destroy: { type: "boolean" },
      "detailed-exitcode": { type: "boolean" },
    },
    async run(run) {
      const runtime = localTaskRuntime(definition, {
        connections: connectionsFor(definition, run),
        log: run.log,
        signal: run.signal,
      });
      const plan = withContentProblems(
        await runtime.plan({ prune: run.values.prune === true, destroy: run.values.destroy === true }),
      );
      if (run.values.out) await writePlanFile(run.values.out, plan);
      printPlan(run, plan, []);
      if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
      return run.values["detailed-exitcode"] && hasPendingChanges(plan) ? needsAttention("changes pending") : undefined;
    },
  });
}
