import type { DesiredResource } from "./desired-resource.ts";
import { DependencyCycleError, PlanConfigError } from "./errors.ts";
import { findCycle } from "./find-cycle.ts";
import type { ResourceKind } from "./resource-kind.ts";

/**
 * Checks the desired set before any call to Azure: unique addresses and ids, a registered kind for each, known
 * dependencies, tasks the plan covers, and no dependency cycle. Every problem is listed, not just the first.
 * Addresses start with their task's name (`storage.account["x"]`); a dependency on another task's address (a storage
 * account on its resource group) is that task's to provide, and is checked when the tasks' plans are combined.
 */
export function validateDesired(
  desired: readonly DesiredResource[],
  kinds: ReadonlyMap<string, ResourceKind>,
  tasks: readonly string[],
): void {
  const problems: string[] = [];
  const addresses = new Set<string>();
  const ids = new Set<string>();
  for (const resource of desired) {
    if (addresses.has(resource.address)) problems.push(`${resource.address}: address appears more than once`);
    addresses.add(resource.address);
    if (ids.has(resource.id.toLowerCase()))
      problems.push(`${resource.address}: id ${resource.id} appears more than once`);
    ids.add(resource.id.toLowerCase());
    if (!kinds.has(resource.kind))
      problems.push(`${resource.address}: no ResourceKind registered for ${resource.kind}`);
    if (!tasks.includes(resource.task))
      problems.push(`${resource.address}: task ${resource.task} is not one of the plan's tasks`);
  }
  for (const resource of desired) {
    for (const dependency of resource.dependsOn) {
      const ownTask = tasks.some((task) => dependency.startsWith(`${task}.`));
      if (ownTask && !addresses.has(dependency)) {
        problems.push(`${resource.address}: depends on unknown address ${dependency}`);
      }
    }
  }
  if (problems.length > 0) throw new PlanConfigError(problems);
  const cycle = findCycle(new Map(desired.map((resource) => [resource.address, resource.dependsOn])));
  if (cycle) throw new DependencyCycleError(cycle);
}
