import { type AuditReport, applySuppressions, DEFAULT_TOOL } from "@infra/audit";
import { defineCommand } from "@infra/cli";
import { auditFanOut, auditFanOutOptions, auditFanOutUsage, trendOf, writeJsonCopy } from "./audit-fan-out.ts";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { defaultSuppressionFile, loadSuppressions } from "./audit-suppressions.ts";
import { checkSubscriptionIds, checkWritable } from "./checked-inputs.ts";
import { withRootSession } from "./root-session.ts";
import type { TaskList } from "./task-list.ts";
import { untilStopped } from "./until-stopped.ts";

/** `pnpm run audit [-- --env X] [--format sarif --output audit.sarif]`: every task's audit, one combined report. */
export function rootAuditCommand(repoRoot: string, tasks: TaskList) {
  return defineCommand({
    name: "audit",
    summary: "Audit what is deployed (owned by this repo or not) against the secure baseline; one combined report.",
    usage: `${auditUsage}\n${auditFanOutUsage}`,
    options: { ...auditOptions, ...auditFanOutOptions },
    allowPositionals: true,
    async run(run) {
      // Every flag and file is checked here: a problem exits 2 before any task starts or any request is made.
      const flags = parseAuditFlags(run.values, run.flags.json);
      checkSubscriptionIds(run.values.subscription);
      await checkWritable("--output", run.values.output);
      const suppressions = await loadSuppressions(
        run.values.suppressions ?? defaultSuppressionFile(repoRoot),
        run.values.suppressions !== undefined,
      );
      // The environment code and its schemas load only when an environment is named.
      const environment =
        run.flags.env || run.flags.envFile
          ? await (await import("@infra/environments")).loadEnvironment(
              { env: run.flags.env, envFile: run.flags.envFile },
              await tasks.sections(),
            )
          : undefined;
      const audited = auditedEnvironment(environment, run.flags.envFile, process.cwd());
      const fanOut = await auditFanOut({ run, values: run.values, flags, environment, audited, repoRoot });
      if (fanOut.done) return fanOut.outcome;
      const results = await withRootSession(
        run,
        { turboTask: "audit", repoRoot, tasks },
        (session, scope) => {
          const request = { subscriptions: scope.subscriptionIds, resourceGroup: scope.resourceGroup, resolved: true };
          return untilStopped(
            Promise.all(session.runtimes.map((runtime) => runtime.audit(request))),
            run.signal,
            "auditing",
          );
        },
        // The scope is resolved and checked once, here, with the token the session signed in for (while the tasks
        // join): a subscription the identity cannot see, or a group that is not there, is one error, and no task lists
        // subscriptions again.
        async () => {
          const { rootAuditScope } = await import("./audit-scope.ts");
          const { scope } = await rootAuditScope(
            run,
            {
              subscription: fanOut.shard?.subscriptions ?? run.values.subscription,
              resourceGroup: run.values["resource-group"],
            },
            environment,
          );
          return scope;
        },
      );
      const combined: AuditReport = {
        tool: DEFAULT_TOOL,
        rules: results.flatMap((result) => result.rules),
        findings: results.flatMap((result) => result.findings),
        ...(fanOut.shard ? { shard: fanOut.shard } : {}),
      };
      const report = { ...combined, findings: applySuppressions(combined.findings, suppressions, new Date()) };
      await writeJsonCopy(run.values["also-json"], report);
      return finishAudit(run, report, flags, run.values.output, repoRoot, audited, trendOf(fanOut.previous, report));
    },
  });
}
