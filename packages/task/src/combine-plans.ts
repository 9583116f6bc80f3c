import { type Plan, PlanFileError, withNotes } from "@infra/plan";

/** The task plans of one run as ONE plan: what the person confirms, what `--out` saves, what apply executes. */
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
  return {
    ...first,
    createdAt: parts.map((part) => part.createdAt).sort()[0] ?? first.createdAt,
    prune: parts.some((part) => part.prune),
    tasks: parts.flatMap((part) => part.tasks),
    changes: parts.flatMap((part) => part.changes),
    orphans: parts.flatMap((part) => part.orphans),
    problems: parts.flatMap((part) => part.problems),
    ...withNotes(parts.flatMap((part) => part.notes ?? [])),
  };
}
