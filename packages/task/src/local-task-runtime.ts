import type { AzureContext } from "@infra/auth";
import type { Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { resolveAuditScope } from "./audit-scope.ts";
import type { ProvisioningRuntime } from "./provisioning-runtime.ts";
import type { AuditScope, TaskAuditResult } from "./task-audit.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import type { TaskAuditRequest, TaskRuntime } from "./task-runtime.ts";

/** Where a runtime gets Azure and the environment from, the first time it needs them. */
export interface TaskConnections {
  /** The environment and a signed-in Azure context (plan and apply). */
  provisioning(): Promise<TaskContext>;
  /** A signed-in Azure context and the environment when one was given (audit). */
  auditing(): Promise<{ azure: AzureContext; environment: Environment | undefined }>;
}

export interface LocalTaskRuntimeOptions {
  connections: TaskConnections;
  log: Logger;
  /** Ends with the run: aborts reads and the writes in flight (the root command is gone, or gave up on them). */
  signal: AbortSignal;
}

/**
 * A task run in this process. Each mode loads its own part on first use: the plan engine and the task's kinds with
 * the first plan, the task's audit with the first audit, so a process that only audits never loads the other.
 */
export function localTaskRuntime(definition: TaskDefinition, options: LocalTaskRuntimeOptions): TaskRuntime {
  let provisioning: Promise<ProvisioningRuntime> | undefined;
  const provisioningRuntime = () =>
    (provisioning ??= import("./provisioning-runtime.ts").then((loaded) =>
      loaded.provisioningRuntime(definition, options),
    ));
  return {
    task: definition.name,
    plan: async (request) => (await provisioningRuntime()).plan(request),
    apply: async (address, applyOptions) => (await provisioningRuntime()).apply(address, applyOptions),
    // Nothing was planned, so nothing is in flight: there is nothing to load to give up on.
    abandon: async (reason) => (provisioning ? (await provisioning).abandon(reason) : undefined),
    outputs: async () => (await provisioningRuntime()).outputs(),
    async audit(request: TaskAuditRequest): Promise<TaskAuditResult> {
      if (!definition.audit) return { rules: [], findings: [], resourcesRead: 0 };
      // The audit's modules load while the sign-in waits for its token.
      const [audit, { azure, environment }] = await Promise.all([definition.audit(), options.connections.auditing()]);
      const scope: AuditScope = request.resolved
        ? { subscriptionIds: [...(request.subscriptions ?? [])], resourceGroup: request.resourceGroup, environment }
        : await resolveAuditScope(
            {
              subscription: request.subscriptions ? [...request.subscriptions] : undefined,
              resourceGroup: request.resourceGroup,
            },
            environment,
            azure,
            options.signal,
          );
      const result = await audit.run(scope, {
        azure,
        log: options.log,
        signal: options.signal,
        now: new Date(),
      });
      options.log.info(
        "%s: %d resource(s) read in %d subscription(s)",
        definition.name,
        result.resourcesRead,
        scope.subscriptionIds.length,
      );
      return result;
    },
  };
}
