import { changeNodes } from "./apply-plan.ts";
import type { Plan, PlanChange } from "./plan.ts";

/**
 * The plan's changes in the order apply starts them: each after what it depends on (a group before its account, a
 * lock after its group), deletes after the rest, nested deletes before their parent, no-ops last. Among changes that
 * could start together the plan's own order is kept, so the listing is stable.
 */
export function applyOrder(plan: Plan): PlanChange[] {
  const nodes = changeNodes(plan);
  // Rank: position in the plan, deletes after everything else.
  const rank = new Map(
    nodes.map((node, index) => [node.key, index + (node.item.action === "delete" ? nodes.length : 0)]),
  );
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    const inside = [...new Set(node.dependsOn)].filter((key) => rank.has(key));
    waitingOn.set(node.key, inside.length);
    for (const key of inside) dependents.set(key, [...(dependents.get(key) ?? []), node.key]);
  }
  const byKey = new Map(nodes.map((node) => [node.key, node.item]));
  const ready = nodes.filter((node) => waitingOn.get(node.key) === 0).map((node) => node.key);
  ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
  const ordered: PlanChange[] = [];
  while (ready.length > 0) {
    const key = ready.shift()!;
    ordered.push(byKey.get(key)!);
    for (const dependent of dependents.get(key) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.splice(insertionPoint(ready, rank.get(dependent)!, rank), 0, dependent);
    }
  }
  // A dependency cycle (refused before anything is applied) leaves nodes unplaced: list them in plan order.
  const placed = new Set(ordered.map((change) => change.address));
  for (const node of nodes) if (!placed.has(node.key)) ordered.push(node.item);
  return [...ordered, ...plan.changes.filter((change) => change.action === "no-op")];
}

function insertionPoint(ready: readonly string[], rank: number, ranks: ReadonlyMap<string, number>): number {
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranks.get(ready[middle]!)! < rank) low = middle + 1;
    else high = middle;
  }
  return low;
}
