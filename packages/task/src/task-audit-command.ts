import { defineCommand } from "@infra/cli";
import { auditedEnvironment, auditOptions, auditUsage, finishAudit, parseAuditFlags } from "./audit-output.ts";
import { localTaskRuntime } from "./local-task-runtime.ts";
import { connectionsFor } from "./task-connections.ts";
import type { TaskDefinition } from "./task-definition.ts";

/** `audit`, run by a person: this task's audit alone, reported as the root command reports the whole. */
export function auditCommand(definition: TaskDefinition) {
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
