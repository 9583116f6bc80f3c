import type { ParseArgsOptionsConfig } from "node:util";
import { type CommandContext, UsageError } from "@infra/cli";
import { type Plan, type ResourceKind, renderPlanJson, renderPlanMermaid, renderPlanText } from "@infra/plan";

export const planFormats = ["text", "json", "mermaid"] as const;
export type PlanFormat = (typeof planFormats)[number];

/** `--format text|json|mermaid`; `--json` is `--format json`. */
export function parsePlanFormat(format: string | undefined, json: boolean): PlanFormat {
  const chosen = format ?? (json ? "json" : "text");
  if (!planFormats.includes(chosen as PlanFormat)) {
    throw new UsageError(`--format ${chosen}: use one of ${planFormats.join(", ")}`);
  }
  if (json && chosen !== "json") throw new UsageError(`--json prints JSON: it cannot go with --format ${chosen}`);
  return chosen as PlanFormat;
}

/**
 * A plan as the person reads it (terraform-like text), with `--json` as one JSON document, or with `--format mermaid`
 * as a Mermaid flowchart of the changes alone.
 */
export function printPlan<O extends ParseArgsOptionsConfig>(
  run: Pick<CommandContext<O>, "printResult" | "stdout">,
  plan: Plan,
  kinds: readonly ResourceKind[],
  format: PlanFormat = "text",
): void {
  if (format === "mermaid") {
    run.stdout.write(renderPlanMermaid(plan));
    return;
  }
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  run.printResult(renderPlanJson(plan, kinds), () => renderPlanText(plan, { color, kinds }));
}
