import { retryingTransientAnswers } from "@infra/arm";
import { type AzureContext, trackOperations } from "@infra/auth";
import { formatDuration, type Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { applyChange, type LiveResource, type Plan, type ResourceKind } from "@infra/plan";
import { OperationAbandonedError } from "./apply-stops.ts";
import { resolveAuditScope } from "./audit-scope.ts";
import type { TaskAuditResult } from "./task-audit.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";
import { planTask } from "./task-plan.ts";
import type { TaskApplyOptions, TaskAuditRequest, TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";

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

interface FreshPlan {
  plan: Plan;
  live: ReadonlyMap<string, LiveResource>;
  kinds: ReadonlyMap<string, ResourceKind>;
  context: TaskContext;
}

/**
 * A task run in this process. It keeps the live state of its latest plan, and writes only the changes of that plan
 * it is told to, each against the live resource that plan was checked with.
 */
export function localTaskRuntime(definition: TaskDefinition, options: LocalTaskRuntimeOptions): TaskRuntime {
  let latest: FreshPlan | undefined;
  const inFlight = new Set<AbortController>();
  const requireLatest = (what: string): FreshPlan => {
    if (!latest) throw new Error(`${definition.name}: ${what} before any plan was made`);
    return latest;
  };
  return {
    task: definition.name,
    async plan(request: TaskPlanRequest) {
      const context = await options.connections.provisioning();
      // Writes ARM answers "not yet" (a principal still replicating, an account busy) are tried again, as documented.
      const kinds = definition.kinds(context).map((kind) => retryingTransientAnswers(kind, options.log));
      const planned = await planTask(definition, { ...context, signal: options.signal }, request, kinds);
      latest = { ...planned, kinds: new Map(kinds.map((kind) => [kind.kind, kind])), context };
      return planned.plan;
    },
    async apply(address: string, applyOptions: TaskApplyOptions = {}) {
      const fresh = requireLatest(`apply ${address}`);
      const change = fresh.plan.changes.find((candidate) => candidate.address === address);
      if (!change) throw new Error(`${definition.name}: ${address} is not in this task's plan`);
      const kind = fresh.kinds.get(change.kind);
      if (!kind) throw new Error(`${definition.name}: no kind ${change.kind} for ${address}`);
      const abandon = new AbortController();
      const deadline = applyOptions.deadlineMs === undefined ? undefined : AbortSignal.timeout(applyOptions.deadlineMs);
      const signal = AbortSignal.any([options.signal, abandon.signal, ...(deadline ? [deadline] : [])]);
      const operations: string[] = [];
      inFlight.add(abandon);
      try {
        await trackOperations(operations, () =>
          applyChange(kind, change, fresh.live.get(change.id.toLowerCase()), signal),
        );
      } catch (error) {
        const why = deadline?.aborted
          ? `did not finish within its deadline (${formatDuration(applyOptions.deadlineMs ?? 0)})`
          : abandon.signal.aborted
            ? String(abandon.signal.reason ?? "abandoned")
            : undefined;
        if (why === undefined || !signal.aborted) throw error;
        throw new OperationAbandonedError(address, why, operations.at(-1));
      } finally {
        inFlight.delete(abandon);
      }
    },
    async abandon(reason: string) {
      for (const controller of inFlight) controller.abort(reason);
    },
    async outputs() {
      if (!definition.outputs) return [];
      const fresh = requireLatest("outputs");
      return definition.outputs(fresh.plan, { ...fresh.context, signal: options.signal });
    },
    async audit(request: TaskAuditRequest): Promise<TaskAuditResult> {
      if (!definition.audit) return { rules: [], findings: [], resourcesRead: 0 };
      const { azure, environment } = await options.connections.auditing();
      const scope = await resolveAuditScope(
        {
          subscription: request.subscriptions ? [...request.subscriptions] : undefined,
          resourceGroup: request.resourceGroup,
        },
        environment,
        azure,
        options.signal,
      );
      const result = await definition.audit.run(scope, {
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
