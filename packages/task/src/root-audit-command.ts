import { type AuditReport, DEFAULT_TOOL } from "@infra/audit";
import { defineCommand } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { auditFanOut, auditFanOutOptions, auditFanOutUsage, trendOf, writeJsonCopy } from "./audit-fan-out.ts";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { defaultSuppressionFile, withSuppressions } from "./audit-suppressions.ts";
import { commandEnvironment } from "./command-environment.ts";
import { forwardedFlags } from "./forwarded-flags.ts";
import { withTaskSession } from "./task-session.ts";

/** `pnpm run audit [-- --env X] [--format sarif --output audit.sarif]`: every task's audit, one combined report. */
export function rootAuditCommand(repoRoot: string) {
  return defineCommand({
    name: "audit",
    summary: "Audit what is deployed (owned by this repo or not) against the secure baseline; one combined report.",
    usage: `${auditUsage}\n${auditFanOutUsage}`,
    options: { ...auditOptions, ...auditFanOutOptions },
    allowPositionals: true,
    async run(run) {
      const flags = parseAuditFlags(run.values, run.flags.json);
      // Validate the environment here: a bad file exits 2 before any task starts or any request is made.
      const environment =
        run.flags.env || run.flags.envFile
          ? await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile })
          : undefined;
      const audited = auditedEnvironment(environment, run.flags.envFile, process.cwd());
      const fanOut = await auditFanOut({ run, values: run.values, flags, environment, audited, repoRoot });
      if (fanOut.done) return fanOut.outcome;
      const results = await withTaskSession(
        {
          turboTask: "audit",
          args: forwardedFlags(run.flags, process.cwd()),
          env: commandEnvironment(run.flags, run.env),
          repoRoot,
          signal: run.signal,
          verbose: run.flags.verbose,
        },
        (session) =>
          Promise.all(
            session.runtimes.map((runtime) =>
              runtime.audit({
                subscriptions: fanOut.shard?.subscriptions ?? run.values.subscription,
                resourceGroup: run.values["resource-group"],
              }),
            ),
          ),
      );
      const combined: AuditReport = {
        tool: DEFAULT_TOOL,
        rules: results.flatMap((result) => result.rules),
        findings: results.flatMap((result) => result.findings),
        ...(fanOut.shard ? { shard: fanOut.shard } : {}),
      };
      const file = run.values.suppressions ?? defaultSuppressionFile(repoRoot);
      const report = await withSuppressions(combined, file, run.values.suppressions !== undefined, new Date());
      await writeJsonCopy(run.values["also-json"], report);
      return finishAudit(run, report, flags, run.values.output, repoRoot, audited, trendOf(fanOut.previous, report));
    },
  });
}
