import { describe, expect, it } from "vitest";
import { applyOrder } from "../src/apply-order.ts";
import { comparePlans } from "../src/compare-plans.ts";
import { contentProblems } from "../src/delete-contents.ts";
import { ABSENT_FINGERPRINT } from "../src/live-fingerprint.ts";
import { PLAN_VERSION, type Plan, type PlanChange } from "../src/plan.ts";

const SUB = "/subscriptions/s";

function change(address: string, action: PlanChange["action"], overrides: Partial<PlanChange> = {}): PlanChange {
  return {
    action,
    address,
    kind: "Test/things",
    id: `${SUB}/resourceGroups/rg/providers/Test/things/${address}`,
    name: address,
    task: "test",
    dependsOn: [],
    properties: { properties: { level: 1 } },
    diff: action === "update" ? [{ path: "properties.level", before: 0, after: 1 }] : [],
    liveFingerprint: action === "create" ? ABSENT_FINGERPRINT : "sha256:live",
    ...overrides,
  };
}

function plan(changes: PlanChange[], overrides: Partial<Plan> = {}): Plan {
  return {
    version: PLAN_VERSION,
    environment: "dev",
    subscriptionId: "s",
    createdAt: "2026-12-01T00:00:00.000Z",
    prune: false,
    tasks: ["test"],
    changes,
    orphans: [],
    problems: [],
    ...overrides,
  };
}

describe("comparePlans: the approved plan against a fresh plan of the same configuration", () => {
  const approved = plan([change("a", "create"), change("b", "update"), change("c", "no-op")]);

  it.each<{ label: string; fresh: Plan; reasons: string[] }>([
    { label: "the same plan", fresh: approved, reasons: [] },
    {
      label: "an edited property",
      fresh: plan([change("a", "create", { properties: { properties: { level: 2 } } }), ...approved.changes.slice(1)]),
      reasons: ["a: is not what the configuration produces (edited, or the configuration changed)"],
    },
    {
      label: "live state that moved",
      fresh: plan([
        approved.changes[0]!,
        change("b", "update", { liveFingerprint: "sha256:other" }),
        approved.changes[2]!,
      ]),
      reasons: ["b: changed in Azure since the plan was made"],
    },
    {
      label: "a resource created since",
      fresh: plan([change("a", "no-op", { liveFingerprint: "sha256:new" }), ...approved.changes.slice(1)]),
      reasons: ["a: was created in Azure since the plan was made"],
    },
    {
      label: "a no-op deleted since",
      fresh: plan([...approved.changes.slice(0, 2), change("c", "create")]),
      reasons: ["c: was deleted in Azure since the plan was made"],
    },
    {
      label: "a change the approved plan lacks",
      fresh: plan([...approved.changes, change("d", "create")]),
      reasons: ["d: is not in the plan: the configuration and Azure now call for a create"],
    },
    {
      label: "another subscription",
      fresh: { ...approved, subscriptionId: "t" },
      reasons: ["(plan): made for subscription s, but the environment is in t"],
    },
  ])("finds $label", ({ fresh, reasons }) => {
    expect(comparePlans(approved, fresh).map((entry) => `${entry.address}: ${entry.reason}`)).toEqual(reasons);
  });

  it("refuses a delete written into a plan that the fresh plan does not make (an unowned target)", () => {
    const edited = plan([...approved.changes, change("legacy", "delete")]);
    expect(comparePlans(edited, approved).map((entry) => entry.address)).toEqual(["legacy"]);
    expect(comparePlans(edited, approved)[0]?.reason).toMatch(/not a delete this environment may make now/);
  });

  it("refuses a dependency removed from a change", () => {
    const fresh = plan([change("a", "create", { dependsOn: ["x"] })]);
    expect(comparePlans(plan([change("a", "create")]), fresh)).toHaveLength(1);
  });
});

describe("contentProblems: a delete may take only what the environment owns or deletes anyway", () => {
  const groupId = `${SUB}/resourceGroups/rg`;
  const inGroup = (name: string) => `${groupId}/providers/Test/things/${name}`;
  const group = (contents: PlanChange["contents"]) =>
    change("rg", "delete", { id: groupId, kind: "Microsoft.Resources/resourceGroups", contents });

  it.each<{ label: string; changes: PlanChange[]; blocked: string[] }>([
    { label: "nothing inside", changes: [group([])], blocked: [] },
    {
      label: "a resource of this environment (another task's, or the GitHub bootstrap's)",
      changes: [group([{ id: inGroup("x"), type: "Test/things", owner: { environment: "dev", task: "github-oidc" } }])],
      blocked: [],
    },
    {
      label: "an unstamped resource the plan deletes too",
      changes: [group([{ id: inGroup("x"), type: "Test/things" }]), change("x", "delete", { id: inGroup("x") })],
      blocked: [],
    },
    {
      label: "a resource made by hand",
      changes: [group([{ id: inGroup("manual"), type: "Test/things" }])],
      blocked: ["rg"],
    },
    {
      label: "another environment's resource",
      changes: [group([{ id: inGroup("p"), type: "Test/things", owner: { environment: "prod", task: "storage" } }])],
      blocked: ["rg"],
    },
  ])("$label", ({ changes, blocked }) => {
    const problems = contentProblems(plan(changes));
    expect(problems.map((problem) => problem.address)).toEqual(blocked);
    expect(problems.every((problem) => problem.code === "unowned-contents")).toBe(true);
  });

  it("names every blocker in one problem per delete", () => {
    const [problem] = contentProblems(
      plan([
        group([
          { id: inGroup("m1"), type: "Test/things" },
          { id: inGroup("m2"), type: "Test/things" },
        ]),
      ]),
    );
    expect(problem?.message).toContain(inGroup("m1"));
    expect(problem?.message).toContain(inGroup("m2"));
    expect(problem?.message).toMatch(/2 thing\(s\) environment "dev" does not own/);
  });
});

describe("applyOrder", () => {
  it("puts each change after its dependencies, deletes after the rest and nested deletes first", () => {
    const ordered = applyOrder(
      plan([
        change("lock", "create", { dependsOn: ["group"] }),
        change("account", "create", { dependsOn: ["group"] }),
        change("old-group", "delete", { id: `${SUB}/resourceGroups/old` }),
        change("old-account", "delete", { id: `${SUB}/resourceGroups/old/providers/Test/things/x` }),
        change("same", "no-op"),
        change("group", "create"),
      ]),
    );
    expect(ordered.map((entry) => entry.address)).toEqual([
      "group",
      "lock",
      "account",
      "old-account",
      "old-group",
      "same",
    ]);
  });
});
