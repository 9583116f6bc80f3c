import type { Plan, PlanContent, PlanProblem } from "./plan.ts";

/**
 * A delete takes everything under its resource with it. It may go ahead only when each such thing is this
 * environment's (its ownership stamp names the environment: another task's resource, the GitHub bootstrap's role
 * assignment) or is itself deleted by the plan. Anything else (a container someone made by hand, a colleague's role
 * assignment, a resource of another environment) blocks the delete: one problem per delete, naming each blocker,
 * found while planning so that nothing is deleted.
 */
export function contentProblems(plan: Plan): PlanProblem[] {
  const deleted = new Set(
    plan.changes.filter((change) => change.action === "delete").map((change) => change.id.toLowerCase()),
  );
  const isAllowed = (content: PlanContent): boolean =>
    deleted.has(content.id.toLowerCase()) || content.owner?.environment === plan.environment;
  return plan.changes.flatMap((change): PlanProblem[] => {
    const blockers = (change.contents ?? []).filter((content) => !isAllowed(content));
    if (change.action !== "delete" || blockers.length === 0) return [];
    const listed = blockers.map((content) => `    - ${describeContent(content)}`).join("\n");
    return [
      {
        code: "unowned-contents",
        address: change.address,
        id: change.id,
        message: `deleting ${change.id} would also delete ${blockers.length} thing(s) environment "${plan.environment}" does not own; delete or move them yourself, or keep it in the configuration:\n${listed}`,
      },
    ];
  });
}

/** The plan with its delete-contents problems added (once: a plan already checked is returned as it is). */
export function withContentProblems(plan: Plan): Plan {
  const found = contentProblems(plan);
  const known = new Set(plan.problems.map((problem) => `${problem.code}|${problem.address}`));
  const added = found.filter((problem) => !known.has(`${problem.code}|${problem.address}`));
  return added.length === 0 ? plan : { ...plan, problems: [...plan.problems, ...added] };
}

function describeContent(content: PlanContent): string {
  const owner = content.owner
    ? `owned by environment "${content.owner.environment}" (task ${content.owner.task})`
    : "not made by this repository";
  return `${content.id} (${content.type}; ${owner})`;
}
