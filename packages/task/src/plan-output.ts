import type { ParseArgsOptionsConfig } from "node:util";
import type { CommandContext } from "@infra/cli";
import { type Plan, type ResourceKind, renderPlanJson, renderPlanText } from "@infra/plan";

/** A plan as the person reads it (terraform-like text) or, with `--json`, as one JSON document. */
export function printPlan<O extends ParseArgsOptionsConfig>(
  run: Pick<CommandContext<O>, "printResult">,
  plan: Plan,
  kinds: readonly ResourceKind[],
): void {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  run.printResult(renderPlanJson(plan, kinds), () => renderPlanText(plan, { color, kinds }));
}
