import type { ParseArgsOptionsConfig } from "node:util";
import { type AzureContext, connectAzure } from "@infra/auth";
import {
  type CommandContext,
  type CommandDefinition,
  defineCommand,
  needsAttention,
  runCommand,
  UsageError,
} from "@infra/cli";
import { type Environment, loadEnvironment } from "@infra/environments";
import { hasPendingChanges, withContentProblems, writePlanFile } from "@infra/plan";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { localTaskRuntime, type TaskConnections } from "./local-task-runtime.ts";
import { printPlan } from "./plan-output.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import { PlanHasProblemsError } from "./task-errors.ts";
import { serveTaskSession } from "./task-session-client.ts";
import { TASK_SESSION_VARIABLE } from "./task-session-protocol.ts";

/** Signs in once per process, the first time a request needs Azure; the environment file is read the same way. */
function connectionsFor<O extends ParseArgsOptionsConfig>(
  { name: task, environmentSections: sections }: TaskDefinition,
  run: Pick<CommandContext<O>, "flags" | "env" | "log" | "signal">,
): TaskConnections {
  const chosen = Boolean(run.flags.env || run.flags.envFile);
  let environment: Promise<Environment | undefined> | undefined;
  let azure: Promise<AzureContext> | undefined;
  const loadOnce = () =>
    (environment ??= chosen
      ? loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile }, sections, { otherKeys: "kept" })
      : Promise.resolve(undefined));
  const signInOnce = async () =>
    (azure ??= loadOnce().then((loaded) =>
      connectAzure({
        task,
        env: run.env,
        subscriptionId: loaded?.subscriptionId,
        log: run.log,
        abortSignal: run.signal,
      }),
    ));
  return {
    async provisioning(): Promise<TaskContext> {
      const loaded = await loadOnce();
      if (!loaded) throw new UsageError("choose an environment: --env NAME or --env-file PATH");
      return { azure: await signInOnce(), environment: loaded, signal: run.signal };
    },
    async auditing() {
      return { azure: await signInOnce(), environment: await loadOnce() };
    },
  };
}

/** Under a root command: join its task session and do what it asks until it says bye. */
function sessionCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} session`,
    summary: `${definition.summary} Joins the root command's run.`,
    options: {},
    async run(run) {
      await serveTaskSession(definition, {
        env: run.env,
        log: run.log,
        verbose: run.flags.verbose,
        connections: connectionsFor(definition, run),
      });
    },
  });
}

function planCommand(definition: TaskDefinition) {
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

function auditCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} audit`,
    summary: `${definition.summary} Audits what is deployed against the baseline.`,
    usage: auditUsage,
    options: auditOptions,
    async run(run) {
      const flags = parseAuditFlags(run.values, run.flags.json);
      const connections = connectionsFor(definition, run);
      const runtime = localTaskRuntime(definition, { connections, log: run.log, signal: run.signal });
      const result = await runtime.audit({
        subscriptions: run.values.subscription,
        resourceGroup: run.values["resource-group"],
      });
      const { environment } = await connections.auditing();
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
 * The whole of a task package's `main.ts`: `await runTask(definition)`. Under a root command (the task session's
 * address in the environment) it joins that run; run by a person, `plan` and `audit` print this task's part.
 * Writes happen only under a root command, which holds the environment's lock and checks the whole plan first.
 */
export async function runTask(
  definition: TaskDefinition,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const [phase, ...rest] = argv;
  const asCommand = (command: unknown) => command as CommandDefinition<ParseArgsOptionsConfig>;
  if (process.env[TASK_SESSION_VARIABLE]) return runCommand(asCommand(sessionCommand(definition)), rest);
  const commands: Record<string, () => CommandDefinition<ParseArgsOptionsConfig>> = {
    plan: () => asCommand(planCommand(definition)),
    audit: () => asCommand(auditCommand(definition)),
  };
  const command = phase === undefined ? undefined : commands[phase];
  if (command) return runCommand(command(), rest);
  return runCommand(
    defineCommand({
      name: definition.name,
      summary: definition.summary,
      run() {
        throw new UsageError(
          phase === "provision"
            ? "a task applies only under the root command: pnpm run provision -- --env NAME"
            : `the first argument must be one of: ${Object.keys(commands).join(" | ")}`,
        );
      },
    }),
    [],
  );
}
