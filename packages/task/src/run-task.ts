import type { ParseArgsOptionsConfig } from "node:util";
import { connectAzure } from "@infra/auth";
import {
  type CommandDefinition,
  type CommonFlags,
  defineCommand,
  type Logger,
  needsAttention,
  runCommand,
  UsageError,
} from "@infra/cli";
import { type Environment, loadEnvironment } from "@infra/environments";
import { writePlanFile } from "@infra/plan";
import { applyFailed, applySummary } from "./apply-report.ts";
import { applyTaskPart } from "./apply-task-part.ts";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { resolveAuditScope } from "./audit-scope.ts";
import { printPlan } from "./plan-output.ts";
import type { TaskAuditResult } from "./task-audit.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import { ApplyFailedError, PlanHasProblemsError } from "./task-errors.ts";
import { planTask } from "./task-plan.ts";
import { RESULT_DIR_VARIABLE, writeTaskResult } from "./task-results.ts";

interface Connection {
  flags: CommonFlags;
  env: NodeJS.ProcessEnv;
  log: Logger;
  signal: AbortSignal;
}

async function connect(task: string, run: Connection, environment: Environment | undefined) {
  return connectAzure({
    task,
    env: run.env,
    subscriptionId: environment?.subscriptionId,
    log: run.log,
    abortSignal: run.signal,
  });
}

async function provisioningContext(task: string, run: Connection): Promise<TaskContext> {
  const environment = await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile });
  return { azure: await connect(task, run, environment), environment, signal: run.signal };
}

function planCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} plan`,
    summary: `${definition.summary} Shows what would change; changes nothing.`,
    usage: `  --out PATH  save the plan    --prune  delete owned leftovers    --destroy  plan removing all owned resources
  --detailed-exitcode  exit 3 when changes are pending`,
    options: {
      out: { type: "string" },
      prune: { type: "boolean" },
      destroy: { type: "boolean" },
      "detailed-exitcode": { type: "boolean" },
    },
    async run(run) {
      const context = await provisioningContext(definition.name, run);
      const plan = await planTask(definition, context, {
        prune: run.values.prune === true,
        destroy: run.values.destroy === true,
      });
      const resultDir = run.env[RESULT_DIR_VARIABLE];
      if (resultDir) {
        await writeTaskResult(resultDir, { task: definition.name, phase: "plan", exitCode: 0, errors: [], data: plan });
        return undefined;
      }
      if (run.values.out) await writePlanFile(run.values.out, plan);
      printPlan(run, plan, definition.kinds(context));
      if (plan.problems.length > 0) throw new PlanHasProblemsError(plan.problems.length);
      const pending = plan.changes.some((change) => change.action !== "no-op");
      return run.values["detailed-exitcode"] && pending ? needsAttention("changes pending") : undefined;
    },
  });
}

function applyCommand(definition: TaskDefinition, phase: "apply" | "destroy") {
  return defineCommand({
    name: `${definition.name} ${phase}`,
    summary: `${definition.summary} Applies this task's part of a saved plan.`,
    usage: "  --plan PATH  the saved plan (required)    --concurrency N  changes in flight at once (default 64)",
    options: { plan: { type: "string" }, concurrency: { type: "string" } },
    async run(run) {
      if (!run.values.plan) throw new UsageError(`${phase} needs --plan PATH (a plan saved by \`plan --out\`)`);
      const concurrency = run.values.concurrency === undefined ? undefined : Number(run.values.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
        throw new UsageError(`--concurrency ${run.values.concurrency}: must be a whole number of at least 1`);
      }
      const context = await provisioningContext(definition.name, run);
      const resultDir = run.env[RESULT_DIR_VARIABLE];
      const report = await applyTaskPart(definition, context, run, {
        planFile: run.values.plan,
        resultDir,
        concurrency,
      });
      if (resultDir) {
        const errors = report.failed.map((failure) => `${failure.address}: ${failure.error}`);
        await writeTaskResult(resultDir, { task: definition.name, phase: "apply", exitCode: 0, errors, data: report });
        return undefined;
      }
      run.printResult(report, (value) => applySummary([value]));
      if (applyFailed([report])) throw new ApplyFailedError(report.failed.length, report.skipped.length);
      return undefined;
    },
  });
}

function auditCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} audit`,
    summary: `${definition.summary} Audits what is deployed against the baseline.`,
    usage: auditUsage,
    options: auditOptions,
    async run(run) {
      const flags = parseAuditFlags(run.values, run.flags.json);
      const audit = definition.audit;
      const environment =
        run.flags.env || run.flags.envFile
          ? await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile })
          : undefined;
      const resultDir = run.env[RESULT_DIR_VARIABLE];
      let result: TaskAuditResult = { rules: [], findings: [], resourcesRead: 0 };
      if (audit) {
        const azure = await connect(definition.name, run, environment);
        const scope = await resolveAuditScope(
          { subscription: run.values.subscription, resourceGroup: run.values["resource-group"] },
          environment,
          azure,
          run.signal,
        );
        result = await audit.run(scope, { azure, log: run.log, signal: run.signal, now: new Date() });
        run.log.info(
          "%s: %d resource(s) read in %d subscription(s)",
          definition.name,
          result.resourcesRead,
          scope.subscriptionIds.length,
        );
      }
      if (resultDir) {
        await writeTaskResult(resultDir, {
          task: definition.name,
          phase: "audit",
          exitCode: 0,
          errors: [],
          data: result,
        });
        return undefined;
      }
      const audited = auditedEnvironment(environment, run.flags.envFile, process.cwd());
      return finishAudit(
        run,
        { rules: result.rules, findings: result.findings },
        flags,
        run.values.output,
        undefined,
        audited,
      );
    },
  });
}

/**
 * The whole of a task package's `main.ts`: `await runTask(definition)`. The first argument is the phase. Run by a
 * person it prints its result; run by a root command (INFRA_RESULT_DIR set) it hands the result over in a file and
 * the root command has the final word.
 */
export async function runTask(
  definition: TaskDefinition,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const [phase, ...rest] = argv;
  const commands: Record<string, () => CommandDefinition<ParseArgsOptionsConfig>> = {
    plan: () => planCommand(definition) as unknown as CommandDefinition<ParseArgsOptionsConfig>,
    apply: () => applyCommand(definition, "apply") as unknown as CommandDefinition<ParseArgsOptionsConfig>,
    destroy: () => applyCommand(definition, "destroy") as unknown as CommandDefinition<ParseArgsOptionsConfig>,
    audit: () => auditCommand(definition) as unknown as CommandDefinition<ParseArgsOptionsConfig>,
  };
  const command = phase === undefined ? undefined : commands[phase];
  if (command) return runCommand(command(), rest);
  return runCommand(
    defineCommand({
      name: definition.name,
      summary: definition.summary,
      run() {
        throw new UsageError(`the first argument must be a phase: ${Object.keys(commands).join(" | ")}`);
      },
    }),
    [],
  );
}
