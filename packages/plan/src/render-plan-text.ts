import { styleText } from "node:util";
import type { WireObject } from "./desired-resource.ts";
import { type Plan, type PlanChange, summarizePlan } from "./plan.ts";
import { childPath, isWireObject } from "./property-path.ts";
import { redactChange, redactProperties, rulesLookup } from "./redact.ts";
import type { DiffRules, KindRules } from "./resource-kind.ts";
import { REDACTED } from "./secret-paths.ts";

export interface RenderTextOptions {
  /** ANSI colours; pass `stream.isTTY && !process.env.NO_COLOR`. */
  readonly color: boolean;
  /** The kinds in play, for their secret and whole-map paths. */
  readonly kinds?: readonly KindRules[];
}

type Style = "green" | "yellow" | "red" | "bold" | "dim";

/** Terraform-like text: `+ create`, `~ update` with `path: old -> new`, `- delete`, orphans, problems, notes, summary. */
export function renderPlanText(plan: Plan, options: RenderTextOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const rulesOf = rulesLookup(options.kinds);
  const lines: string[] = [`Plan for environment ${plan.environment} (subscription ${plan.subscriptionId})`, ""];
  for (const change of plan.changes) {
    if (change.action !== "no-op") lines.push(...renderChange(change, rulesOf(change.kind), paint), "");
  }
  for (const orphan of plan.orphans) {
    lines.push(
      paint("dim", `  # ${orphan.id} (task ${orphan.task}) is no longer configured: would delete with --prune`),
    );
  }
  if (plan.orphans.length > 0) lines.push("");
  if (plan.problems.length > 0) {
    lines.push(paint("red", "Errors (the plan cannot be applied):"));
    for (const problem of plan.problems) lines.push(paint("red", `  ! ${problem.address}: ${problem.message}`));
    lines.push("");
  }
  if (plan.notes && plan.notes.length > 0) {
    lines.push(paint("yellow", "Notes (not checked before apply; Azure decides):"));
    for (const note of plan.notes) lines.push(paint("yellow", `  * ${note.address}: ${note.message}`));
    lines.push("");
  }
  const summary = summarizePlan(plan);
  lines.push(
    summary.create + summary.update + summary.delete === 0
      ? paint("bold", "No changes. Azure matches the configuration.")
      : paint("bold", `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete.`),
  );
  return `${lines.join("\n")}\n`;
}

function renderChange(change: PlanChange, rules: DiffRules, paint: (style: Style, text: string) => string): string[] {
  if (change.action === "create") {
    const leaves = flatten(redactProperties(change.properties ?? {}, rules), "", rules);
    return [
      paint("green", `  + create ${change.address}`),
      ...leaves.map(([path, value]) => `      ${path}: ${formatValue(value)}`),
    ];
  }
  if (change.action === "update") {
    return [
      paint("yellow", `  ~ update ${change.address}`),
      ...change.diff
        .map((entry) => redactChange(entry, rules))
        .map((entry) => `      ${entry.path}: ${formatValue(entry.before)} -> ${formatValue(entry.after)}`),
    ];
  }
  return [paint("red", `  - delete ${change.address}`)];
}

/** Leaf paths of the desired properties; arrays and whole maps (tags) print as one value. */
function flatten(properties: WireObject, path: string, rules: DiffRules): [string, unknown][] {
  return Object.entries(properties).flatMap(([key, value]): [string, unknown][] => {
    const keyPath = childPath(path, key);
    if (isWireObject(value) && !rules.wholeMapPaths?.includes(keyPath)) return flatten(value, keyPath, rules);
    return value === undefined ? [] : [[keyPath, value]];
  });
}

function formatValue(value: unknown): string {
  if (value === REDACTED) return REDACTED;
  return value === undefined ? "(unset)" : JSON.stringify(value);
}
