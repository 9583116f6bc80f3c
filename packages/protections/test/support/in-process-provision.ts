import type { AzureContext } from "@infra/auth";
import { type Environment, validateEnvironment } from "@infra/environments";
import { type ApplyResult, applyPlan, createPlan, type Plan, type ResourceKind } from "@infra/plan";
import { resourceGroupsTask } from "@infra/resource-groups";
import { storageTask } from "@infra/storage";
import { provisioningOf, type TaskContext } from "@infra/task";
import { taskList } from "@infra/tasks";

// The provisioning tasks, as `pnpm run provision` runs them: the same definitions, kinds and SDK clients, in-process.
const TASKS = [resourceGroupsTask, storageTask];

export interface PlannedEnvironment {
  plan: Plan;
  kinds: ResourceKind[];
}

/** One plan over every provisioning task (the engine orders resource groups before what lives in them). */
export async function planEnvironment(azure: AzureContext, input: unknown): Promise<PlannedEnvironment> {
  const environment: Environment = validateEnvironment(input, "test", await taskList.sections());
  const context: TaskContext = { azure, environment, signal: new AbortController().signal };
  const provisionings = await Promise.all(TASKS.map(provisioningOf));
  const kinds = provisionings.flatMap((provisioning) => provisioning.kinds(context));
  const plan = await createPlan({
    environment: environment.name,
    subscriptionId: azure.subscriptionId,
    tasks: TASKS.map((task) => task.name),
    desired: (await Promise.all(provisionings.map((provisioning) => provisioning.desired(context)))).flat(),
    kinds,
    prune: false,
  });
  return { plan, kinds };
}

export async function provisionEnvironment(azure: AzureContext, input: unknown): Promise<ApplyResult> {
  const { plan, kinds } = await planEnvironment(azure, input);
  return applyPlan(plan, { kinds, concurrency: 8 });
}

/** Addresses of the changes a fresh plan still wants: empty when Azure matches the configuration. */
export async function pendingChanges(azure: AzureContext, input: unknown): Promise<string[]> {
  const { plan } = await planEnvironment(azure, input);
  return plan.changes
    .filter((change) => change.action !== "no-op")
    .map((change) => `${change.action} ${change.address}`);
}
