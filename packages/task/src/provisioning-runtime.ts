import { retryingTransientAnswers } from "@infra/arm";
import { trackOperations } from "@infra/auth";
import { formatDuration } from "@infra/cli";
import { applyChange, type LiveResource, type Plan, type ResourceKind } from "@infra/plan";
import { OperationAbandonedError } from "./apply-stops.ts";
import type { LocalTaskRuntimeOptions } from "./local-task-runtime.ts";
import { provisioningOf, type TaskContext, type TaskDefinition } from "./task-definition.ts";
import { planTask } from "./task-plan.ts";
import type { TaskRuntime } from "./task-runtime.ts";

interface FreshPlan {
  plan: Plan;
  live: ReadonlyMap<string, LiveResource>;
  kinds: ReadonlyMap<string, ResourceKind>;
  context: TaskContext;
}

/** The runtime's part that plans and writes: the plan engine, the task's kinds and their ARM clients. */
export type ProvisioningRuntime = Pick<TaskRuntime, "plan" | "apply" | "abandon" | "outputs">;

/**
 * Plans and writes for one task in this process. It keeps the live state of its latest plan, and writes only the
 * changes of that plan it is told to, each against the live resource that plan was checked with.
 */
export function provisioningRuntime(definition: TaskDefinition, options: LocalTaskRuntimeOptions): ProvisioningRuntime {
  let latest: FreshPlan | undefined;
  const inFlight = new Set<AbortController>();
  const requireLatest = (what: string): FreshPlan => {
    if (!latest) throw new Error(`${definition.name}: ${what} before any plan was made`);
    return latest;
  };
  return {
    async plan(request) {
      const context = await options.connections.provisioning();
      const provisioning = await provisioningOf(definition);
      // Writes ARM answers "not yet" (a principal still replicating, an account busy) are tried again, as documented.
      const kinds = provisioning.kinds(context).map((kind) => retryingTransientAnswers(kind, options.log));
      const planned = await planTask(definition, { ...context, signal: options.signal }, request, kinds);
      latest = { ...planned, kinds: new Map(kinds.map((kind) => [kind.kind, kind])), context };
      return planned.plan;
    },
    async apply(address, applyOptions = {}) {
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
    async abandon(reason) {
      for (const controller of inFlight) controller.abort(reason);
    },
    async outputs() {
      const { outputs } = await provisioningOf(definition);
      if (!outputs) return [];
      const fresh = requireLatest("outputs");
      return outputs(fresh.plan, { ...fresh.context, signal: options.signal });
    },
  };
}
