import { appendStepSummary, isGitHubActions, setOutput } from "@infra/cli";
import { hasPendingChanges, type Plan, renderPlanMermaid, renderPlanText, summarizePlan } from "@infra/plan";
import { type ApplyReport, applySummary } from "./apply-report.ts";

/**
 * Markdown for a GitHub job summary or PR comment: a Mermaid diagram of the changes and what waits for what (when
 * there are changes or problems), then the plan as a diff block, so + / - / ~ lines are coloured.
 */
export function planMarkdown(plan: Plan): string {
  const summary = summarizePlan(plan);
  const text = renderPlanText(plan, { color: false })
    .split("\n")
    // GitHub colours diff lines by their first character: "+" green, "-" red, "!" orange.
    .map((line) =>
      line.replace(/^(\s+)([+~-])/, (_all, space: string, sign: string) => `${sign === "~" ? "!" : sign}${space}`),
    )
    .join("\n");
  const diagram =
    hasPendingChanges(plan) || plan.problems.length > 0
      ? ["```mermaid", renderPlanMermaid(plan).trimEnd(), "```", ""]
      : [];
  return [
    `### Plan for \`${plan.environment}\`: ${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete`,
    "",
    ...diagram,
    "```diff",
    text,
    "```",
    "",
  ].join("\n");
}

/** In GitHub Actions: the plan and what apply did in the job summary, and the tasks' outputs in `$GITHUB_OUTPUT`. */
export function publishToGitHub(env: NodeJS.ProcessEnv, plan: Plan, report: ApplyReport | undefined): void {
  if (!isGitHubActions(env)) return;
  const parts = [planMarkdown(plan)];
  if (report) parts.push("### Apply", "", "```", applySummary(report), "```", "");
  appendStepSummary(parts.join("\n"), { env });
  for (const output of report?.outputs ?? []) setOutput(output.name, output.value, { env });
}
