import { styleText } from "node:util";
import { REDACTED } from "@infra/cli";
import type { WireObject } from "./desired-resource.ts";
import { type Plan, type PlanChange, summarizePlan } from "./plan.ts";
import type { PropertyChange } from "./property-change.ts";
import { childPath, isWireObject } from "./property-path.ts";
import { redactChange, redactProperties, rulesLookup } from "./redact.ts";
import type { DiffRules, KindRules } from "./resource-kind.ts";

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
    lines.push(paint("dim", `  # ${orphan.address ?? orphan.id} left the configuration: kept (--prune deletes it)`));
    if (orphan.address) lines.push(paint("dim", `      id: ${orphan.id}`));
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
  lines.push(paint("bold", summaryLine(plan)));
  return `${lines.join("\n")}\n`;
}

/** The last line: what the plan does, and never "matches" while owned leftovers are kept. */
function summaryLine(plan: Plan): string {
  const summary = summarizePlan(plan);
  if (summary.create + summary.update + summary.delete > 0) {
    return `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete.`;
  }
  if (plan.orphans.length > 0) {
    return `No changes to apply. ${plan.orphans.length} owned resource(s) left the configuration and are kept (listed above; --prune deletes them).`;
  }
  return "No changes. Azure matches the configuration.";
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
        .flatMap((entry) => perKey(entry, rules))
        .map((entry) => `      ${entry.path}: ${formatValue(entry.before)} -> ${formatValue(entry.after)}`),
    ];
  }
  const lines = [paint("red", `  - delete ${change.address}`)];
  if (change.address !== change.id) lines.push(`      id: ${change.id}`);
  if ((change.contents?.length ?? 0) > 0) lines.push(`      with what is under it: ${describeContents(change)}`);
  return lines;
}

/** A whole map (tags) that changed, as one line per key that changed: `tags.owner: "a" -> "b"`. */
function perKey(entry: PropertyChange, rules: DiffRules): PropertyChange[] {
  const { before, after } = entry;
  if (!rules.wholeMapPaths?.includes(entry.path) || !(isWireObject(before) || isWireObject(after))) return [entry];
  const was = isWireObject(before) ? before : {};
  const now = isWireObject(after) ? after : {};
  return [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .sort()
    .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
    .map((key) => ({ path: `${entry.path}.${key}`, before: was[key], after: now[key] }));
}

/** `2 containers, 1 role assignment`: what a delete takes with it, by type (the last segment of the ARM type). */
function describeContents(change: PlanChange): string {
  const counts = new Map<string, number>();
  for (const content of change.contents ?? []) {
    const type = (content.type.split("/").at(-1) ?? content.type).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, count]) => `${count} ${count === 1 ? type.replace(/s$/, "") : type}`).join(", ");
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
