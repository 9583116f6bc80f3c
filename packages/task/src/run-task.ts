import { connectAzure } from "@infra/auth";
import { type CommandContext, defineCommand, needsAttention, runCommand, UsageError } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { writePlanFile } from "@infra/plan";
import { applyFailed, applySummary } from "./apply-report.ts";
import { applyTaskPart } from "./apply-task-part.ts";
import { printPlan } from "./plan-output.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import { ApplyFailedError, PlanHasProblemsError } from "./task-errors.ts";
import { planTask } from "./task-plan.ts";
import { RESULT_DIR_VARIABLE, writeTaskResult } from "./task-results.ts";

const phases = ["plan", "apply"] as const;

const options = {
  out: { type: "string" },
  plan: { type: "string" },
  prune: { type: "boolean" },
  destroy: { type: "boolean" },
  "detailed-exitcode": { type: "boolean" },
  concurrency: { type: "string" },
} as const;

const usage = `Phases (first argument):
  plan     read live state and show what would change
           --out PATH saves it; --prune deletes owned leftovers; --destroy plans removing all owned resources;
           --detailed-exitcode exits 3 when changes are pending
  apply    apply this task's part of a saved plan: --plan PATH [--concurrency N]; refuses if live state moved since`;

async function connect(definition: TaskDefinition, run: CommandContext<typeof options>): Promise<TaskContext> {
  const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile });
  const azure = await connectAzure({
    task: definition.name,
    env: run.env,
    subscriptionId: environment.subscriptionId,
    log: run.log,
    abortSignal: run.signal,
  });
  return { azure, environment, signal: run.signal };
}

/**
 * The whole of a task package's `main.ts`: `await runTask(definition)`. Run by a person it prints its result; run by a
 * root command (INFRA_RESULT_DIR set) it hands the result over in a file and the root command has the final word.
 */
export async function runTask(
  definition: TaskDefinition,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const [phaseArg, ...rest] = argv;
  const phase = phases.find((name) => name === phaseArg);
  return runCommand(
    defineCommand({
      name: `${definition.name} ${phase ?? "plan|apply"}`,
      summary: definition.summary,
      usage,
      options,
      async run(run) {
        if (!phase) throw new UsageError(`the first argument must be a phase: ${phases.join(" | ")}`);
        const resultDir = run.env[RESULT_DIR_VARIABLE];
        const context = await connect(definition, run);

        if (phase === "plan") {
          const plan = await planTask(definition, context, {
            prune: run.values.prune === true,
            destroy: run.values.destroy === true,
          });
          if (resultDir) {
            await writeTaskResult(resultDir, {
              task: definition.name,
              phase: "plan",
              exitCode: 0,
              errors: [],
              data: plan,
            });
            return undefined;
          }
          if (run.values.out) await writePlanFile(run.values.out, plan);
          printPlan(run, plan, definition.kinds(context));
          if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
          const pending = plan.changes.some((change) => change.action !== "no-op");
          return run.values["detailed-exitcode"] && pending ? needsAttention("changes pending") : undefined;
        }

        if (!run.values.plan) throw new UsageError("apply needs --plan PATH (a plan saved by `plan --out`)");
        const concurrency = run.values.concurrency === undefined ? undefined : Number(run.values.concurrency);
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
          throw new UsageError(`--concurrency ${run.values.concurrency}: must be a whole number of at least 1`);
        }
        const report = await applyTaskPart(definition, context, run, {
          planFile: run.values.plan,
          resultDir,
          concurrency,
        });
        if (resultDir) {
          const errors = report.failed.map((failure) => `${failure.address}: ${failure.error}`);
          await writeTaskResult(resultDir, {
            task: definition.name,
            phase: "apply",
            exitCode: 0,
            errors,
            data: report,
          });
          return undefined;
        }
        run.printResult(report, (value) => applySummary([value]));
        if (applyFailed([report])) throw new ApplyFailedError(report.failed.length, report.skipped.length);
        return undefined;
      },
    }),
    rest,
  );
}
