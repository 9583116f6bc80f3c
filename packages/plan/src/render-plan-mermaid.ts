import { changeNodes } from "./apply-plan.ts";
import type { Plan, PlanChange } from "./plan.ts";

export interface RenderMermaidOptions {
  /** Nodes drawn at most; the rest are counted in one node (GitHub refuses diagrams past about 500 edges). */
  readonly maxNodes?: number;
}

type Style = "create" | "update" | "delete" | "blocked";

interface Node {
  readonly id: string;
  readonly address: string;
  readonly task: string;
  readonly style: Style;
  readonly label: string;
  readonly dependsOn: readonly string[];
}

const SYMBOL: Readonly<Record<Style, string>> = { create: "+", update: "~", delete: "-", blocked: "!" };

// GitHub's colours for added, changed and removed lines; a blocked change is dashed and grey.
const CLASS_DEFS = [
  "classDef create fill:#dafbe1,stroke:#1a7f37,color:#0f5323",
  "classDef update fill:#fff8c5,stroke:#9a6700,color:#4d2d00",
  "classDef delete fill:#ffebe9,stroke:#cf222e,color:#82071e",
  "classDef blocked fill:#f6f8fa,stroke:#cf222e,stroke-dasharray:5 5,color:#57606a",
];

/**
 * The plan's changes as a Mermaid flowchart, one box per change grouped by task, an arrow from each change to what
 * waits for it (a group before its account; for deletes, what is under a resource before the resource). Creates,
 * updates and deletes are coloured as GitHub colours a diff; a change with a problem, or waiting on one, is blocked.
 * No-ops are left out. The text goes inside a ```mermaid block (GitHub draws it) or stands alone.
 */
export function renderPlanMermaid(plan: Plan, options: RenderMermaidOptions = {}): string {
  const nodes = planNodes(plan);
  const lines = ["flowchart LR"];
  if (nodes.length === 0) {
    lines.push(`  none["${escapeLabel(`${plan.environment}: no changes`)}"]`);
    return `${lines.join("\n")}\n`;
  }
  const shown = nodes.slice(0, options.maxNodes ?? 150);
  const idOf = new Map(shown.map((node) => [node.address, node.id]));
  for (const task of [...new Set(shown.map((node) => node.task))]) {
    lines.push(`  subgraph task_${task.replace(/\W/g, "_")}["${escapeLabel(task)}"]`);
    for (const node of shown.filter((entry) => entry.task === task)) {
      lines.push(`    ${node.id}["${escapeLabel(node.label)}"]:::${node.style}`);
    }
    lines.push("  end");
  }
  if (nodes.length > shown.length) lines.push(`  more["${nodes.length - shown.length} more changes"]`);
  for (const node of shown) {
    for (const dependency of node.dependsOn) {
      const from = idOf.get(dependency);
      if (from !== undefined) lines.push(`  ${from} --> ${node.id}`);
    }
  }
  lines.push(...CLASS_DEFS.map((definition) => `  ${definition}`));
  return `${lines.join("\n")}\n`;
}

function planNodes(plan: Plan): Node[] {
  const problems = new Map<string, string>();
  for (const problem of plan.problems)
    if (!problems.has(problem.address)) problems.set(problem.address, problem.message);
  const work = changeNodes(plan);
  const dependsOn = new Map(work.map((node) => [node.key, node.dependsOn]));
  // A change is blocked by a problem of its own or of anything it waits for, however far up.
  const blocked = new Set<string>(problems.keys());
  let grew = true;
  while (grew) {
    grew = false;
    for (const [address, waits] of dependsOn) {
      if (!blocked.has(address) && waits.some((dependency) => blocked.has(dependency))) {
        blocked.add(address);
        grew = true;
      }
    }
  }
  const nodes: Node[] = work.map((node, index) => {
    const change = node.item;
    const style: Style = blocked.has(change.address) ? "blocked" : (change.action as Exclude<Style, "blocked">);
    return {
      id: `c${index}`,
      address: change.address,
      task: change.task,
      style,
      label: label(change, style, problems.get(change.address)),
      dependsOn: node.dependsOn,
    };
  });
  // A problem without a change of its own (a name taken by a resource this repo does not manage) still blocks.
  const changed = new Set(work.map((node) => node.key));
  for (const [address, message] of problems) {
    if (changed.has(address)) continue;
    nodes.push({
      id: `p${nodes.length}`,
      address,
      task: address.split(".")[0] ?? "plan",
      style: "blocked",
      label: `! ${address}\n${shorten(message)}`,
      dependsOn: [],
    });
  }
  return nodes;
}

function label(change: PlanChange, style: Style, problem: string | undefined): string {
  const head = `${SYMBOL[style]} ${style === "blocked" ? `${change.action} ` : ""}${change.address}`;
  if (problem !== undefined) return `${head}\n${shorten(problem)}`;
  if (change.action === "update") {
    return `${head}\n${change.diff.length} propert${change.diff.length === 1 ? "y" : "ies"}`;
  }
  if (change.action === "delete" && (change.contents?.length ?? 0) > 0) {
    return `${head}\nwith ${change.contents?.length} thing(s) under it`;
  }
  return head;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Inside `["..."]` a quote ends the label; Mermaid reads `#NN;` as a character and `<br/>` as a line break. */
function escapeLabel(text: string): string {
  return text
    .replace(/#/g, "#35;")
    .replace(/"/g, "#34;")
    .replace(/</g, "#60;")
    .replace(/>/g, "#62;")
    .replace(/\n/g, "<br/>");
}
