import { type AuditReport, DEFAULT_TOOL } from "@infra/audit";
import { defineCommand } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { defaultSuppressionFile, withSuppressions } from "./audit-suppressions.ts";
import { runTaskPhase } from "./run-task-phase.ts";
import type { TaskAuditResult } from "./task-audit.ts";
import { forwardedFlags, withRunDirectory } from "./task-run-directory.ts";

/** `pnpm run audit [-- --env X] [--format sarif --output audit.sarif]`: every task's audit, one combined report. */
export function rootAuditCommand(repoRoot: string) {
  return defineCommand({
    name: "audit",
    summary: "Audit what is deployed (owned by this repo or not) against the secure baseline; one combined report.",
    usage: auditUsage,
    options: auditOptions,
    async run(run) {
      const flags = parseAuditFlags(run.values, run.flags.json);
      // Validate the environment here: a bad file exits 2 before any task starts or any request is made.
      const environment =
        run.flags.env || run.flags.envFile
          ? await loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile })
          : undefined;
      const cwd = process.cwd();
      const results = await withRunDirectory((dir) =>
        runTaskPhase<TaskAuditResult>({
          turboTask: "audit",
          phase: "audit",
          args: [
            ...forwardedFlags(run.flags, cwd),
            ...(run.values.subscription ?? []).flatMap((id) => ["--subscription", id]),
            ...(run.values["resource-group"] ? ["--resource-group", run.values["resource-group"]] : []),
          ],
          dir,
          repoRoot,
          env: run.env,
          signal: run.signal,
          outputLogs: "errors-only",
          verbose: run.flags.verbose,
        }),
      );
      const combined: AuditReport = {
        tool: DEFAULT_TOOL,
        rules: results.flatMap((result) => result.data?.rules ?? []),
        findings: results.flatMap((result) => result.data?.findings ?? []),
      };
      const file = run.values.suppressions ?? defaultSuppressionFile(repoRoot);
      const report = await withSuppressions(combined, file, run.values.suppressions !== undefined, new Date());
      const audited = auditedEnvironment(environment, run.flags.envFile, cwd);
      return finishAudit(run, report, flags, run.values.output, repoRoot, audited);
    },
  });
}
