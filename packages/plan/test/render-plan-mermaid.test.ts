import { beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlanChange } from "../src/plan.ts";
import { renderPlanMermaid } from "../src/render-plan-mermaid.ts";
import { loadMermaid, parseMermaid } from "./mermaid-check.ts";
import { createChange, deleteChange, noOpChange, samplePlan, updateChange } from "./sample-plan.ts";

const group: PlanChange = {
  ...createChange,
  address: 'groups.group["rg-app"]',
  kind: "Microsoft.Resources/resourceGroups",
  id: "/subscriptions/s/resourceGroups/rg-app",
  name: "rg-app",
  task: "groups",
};
const account: PlanChange = { ...createChange, dependsOn: [group.address] };
const container: PlanChange = {
  ...deleteChange,
  address: `${deleteChange.id}/blobServices/default/containers/logs`,
  id: `${deleteChange.id}/blobServices/default/containers/logs`,
  contents: [],
};

/** `c0["label"]:::style` lines as [label, style], and `a --> b` lines as [from label, to label]. */
function read(text: string): { nodes: [string, string][]; edges: [string, string][] } {
  const labels = new Map<string, string>();
  const nodes: [string, string][] = [];
  for (const match of text.matchAll(/^\s+(\w+)\["(.*)"\]:::(\w+)$/gm)) {
    labels.set(match[1] ?? "", match[2] ?? "");
    nodes.push([match[2] ?? "", match[3] ?? ""]);
  }
  const edges = [...text.matchAll(/^\s+(\w+) --> (\w+)$/gm)].map((match): [string, string] => [
    labels.get(match[1] ?? "") ?? "",
    labels.get(match[2] ?? "") ?? "",
  ]);
  return { nodes, edges };
}

const cases: { name: string; plan: Plan; nodes: [string, string][]; edges: [string, string][] }[] = [
  {
    name: "creates, updates and deletes each in their style; no-ops left out",
    plan: samplePlan(),
    nodes: [
      ["+ storage.account[#34;stdemo01#34;]", "create"],
      ["~ storage.account[#34;stdemo02#34;]<br/>3 properties", "update"],
      ["- storage.account[#34;stold01#34;]<br/>with 1 thing(s) under it", "delete"],
    ],
    edges: [],
  },
  {
    name: "an arrow from what a change waits for to the change",
    plan: samplePlan({ changes: [noOpChange, group, account] }),
    nodes: [
      ["+ groups.group[#34;rg-app#34;]", "create"],
      ["+ storage.account[#34;stdemo01#34;]", "create"],
    ],
    edges: [["+ groups.group[#34;rg-app#34;]", "+ storage.account[#34;stdemo01#34;]"]],
  },
  {
    name: "deletes: what is under a resource goes first",
    plan: samplePlan({ changes: [deleteChange, container] }),
    nodes: [
      ["- storage.account[#34;stold01#34;]<br/>with 1 thing(s) under it", "delete"],
      [`- ${container.address}`, "delete"],
    ],
    edges: [[`- ${container.address}`, "- storage.account[#34;stold01#34;]<br/>with 1 thing(s) under it"]],
  },
  {
    name: "a change with a problem is blocked, and so is what waits for it",
    plan: samplePlan({
      changes: [group, account, updateChange],
      problems: [
        {
          code: "forces-replacement",
          address: group.address,
          id: group.id,
          message: "changing location forces replacement",
        },
      ],
    }),
    nodes: [
      ["! create groups.group[#34;rg-app#34;]<br/>changing location forces replacement", "blocked"],
      ["! create storage.account[#34;stdemo01#34;]", "blocked"],
      ["~ storage.account[#34;stdemo02#34;]<br/>3 properties", "update"],
    ],
    edges: [
      [
        "! create groups.group[#34;rg-app#34;]<br/>changing location forces replacement",
        "! create storage.account[#34;stdemo01#34;]",
      ],
    ],
  },
  {
    name: "a problem without a change of its own still shows, blocking what waits for it",
    plan: samplePlan({
      changes: [account],
      problems: [
        {
          code: "unmanaged-conflict",
          address: group.address,
          id: group.id,
          message: "<rg-app> exists but is not managed by this repo",
        },
      ],
    }),
    nodes: [
      ["! create storage.account[#34;stdemo01#34;]", "blocked"],
      ["! groups.group[#34;rg-app#34;]<br/>#60;rg-app#62; exists but is not managed by this repo", "blocked"],
    ],
    edges: [
      [
        "! groups.group[#34;rg-app#34;]<br/>#60;rg-app#62; exists but is not managed by this repo",
        "! create storage.account[#34;stdemo01#34;]",
      ],
    ],
  },
];

beforeAll(() => loadMermaid(), 60_000);
describe("renderPlanMermaid", () => {
  it.each(cases)("$name", async ({ plan, nodes, edges }) => {
    const text = renderPlanMermaid(plan);
    expect(read(text)).toEqual({ nodes, edges });
    expect(await parseMermaid(text)).toBe("flowchart-v2");
  });

  it("says so when nothing changes, and Mermaid still draws it", async () => {
    const text = renderPlanMermaid(samplePlan({ changes: [noOpChange] }));
    expect(text).toContain('none["dev: no changes"]');
    expect(await parseMermaid(text)).toBe("flowchart-v2");
  });

  it("groups changes by task and caps the boxes drawn, counting the rest", async () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      ...createChange,
      address: `storage.account["a${index}"]`,
    }));
    const text = renderPlanMermaid(samplePlan({ changes: [group, ...many] }), { maxNodes: 5 });
    expect(read(text).nodes).toHaveLength(5);
    expect(text).toContain('more["8 more changes"]');
    expect(text).toMatch(/subgraph task_groups\["groups"\][\s\S]*subgraph task_storage\["storage"\]/);
    expect(await parseMermaid(text)).toBe("flowchart-v2");
  });

  it("is refused by Mermaid when broken, so the checks above can fail", async () => {
    await expect(parseMermaid('flowchart LR\n  a["unterminated]')).rejects.toThrow();
  });
});
