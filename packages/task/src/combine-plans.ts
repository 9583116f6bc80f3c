import { applyOrder, type Plan, PlanFileError, withContentProblems, withNotes } from "@infra/plan";

/**
 * The task plans of one run as ONE plan: what the person confirms, what `--out` saves, what apply executes. Changes
 * are listed in the order they apply (a group before its account, a lock after its group), and every delete is checked
 * against everything it would take with it across all tasks.
 */
export function combinePlans(parts: readonly Plan[]): Plan {
  const [first] = parts;
  if (!first) throw new PlanFileError("task plans", ["no task produced a plan"]);
  for (const part of parts) {
    if (part.environment !== first.environment || part.subscriptionId !== first.subscriptionId) {
      throw new PlanFileError("task plans", [
        `they disagree on the target: ${part.environment}/${part.subscriptionId} vs ${first.environment}/${first.subscriptionId}`,
      ]);
    }
  }
  const combined: Plan = {
    ...first,
    createdAt: parts.map((part) => part.createdAt).sort()[0] ?? first.createdAt,
    prune: parts.some((part) => part.prune),
    tasks: parts.flatMap((part) => part.tasks),
    changes: parts.flatMap((part) => part.changes),
    orphans: parts.flatMap((part) => part.orphans),
    problems: parts.flatMap((part) => part.problems),
    ...withNotes(parts.flatMap((part) => part.notes ?? [])),
  };
  return withContentProblems({ ...combined, changes: applyOrder(combined) });
}
