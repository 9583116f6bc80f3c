import type { PlanChange } from "@infra/plan";
import { describe, expect, it } from "vitest";
import { combinePlans } from "../src/combine-plans.ts";
import { change, plan } from "./plan-fixtures.ts";

describe("combinePlans", () => {
  const groups = plan("resource-groups", [change("resource-groups", "rg.a", "create")], {
    createdAt: "2026-11-26T06:00:02.000Z",
  });
  const storage = plan("storage", [change("storage", "st.a", "create", ["rg.a"]), change("storage", "st.b", "no-op")], {
    problems: [{ code: "unmanaged-conflict", address: "st.b", id: "x", message: "not ours" }],
    notes: [{ address: "st.a", message: "name not checked" }],
  });

  it("merges every task's changes, problems and tasks, keeping the earliest read time", () => {
    const combined = combinePlans([groups, storage]);
    expect(combined.tasks).toEqual(["resource-groups", "storage"]);
    expect(combined.changes.map((entry) => entry.address)).toEqual(["rg.a", "st.a", "st.b"]);
    expect(combined.problems).toHaveLength(1);
    expect(combined.notes).toEqual([{ address: "st.a", message: "name not checked" }]);
    expect(combinePlans([groups])).not.toHaveProperty("notes"); // a plan without notes serializes as before
    expect(combined.createdAt).toBe("2026-11-26T06:00:00.000Z");
  });

  it("refuses plans for different targets", () => {
    expect(() => combinePlans([groups, { ...storage, environment: "prod" }])).toThrow(/disagree on the target/);
  });

  it("refuses an empty set", () => {
    expect(() => combinePlans([])).toThrow(/no task produced a plan/);
  });

  it("lists changes in apply order across tasks: a group before its account, whatever order the tasks answered in", () => {
    const combined = combinePlans([storage, groups]);
    expect(combined.changes.map((entry) => entry.address)).toEqual(["rg.a", "st.a", "st.b"]);
  });

  it("refuses a delete that would take another task's unstamped resource not deleted by the plan", () => {
    const group: PlanChange = {
      ...change("resource-groups", "rg.old", "delete"),
      id: "/subscriptions/s/resourceGroups/old",
      contents: [
        { id: "/subscriptions/s/resourceGroups/old/providers/Test/st", type: "Test/storage" },
        {
          id: "/subscriptions/s/resourceGroups/old/providers/Test/mine",
          type: "Test/storage",
          owner: { environment: "test", task: "storage" },
        },
      ],
    };
    const deletesIt: PlanChange = {
      ...change("storage", "st.old", "delete"),
      id: "/subscriptions/s/resourceGroups/old/providers/Test/st",
    };
    expect(combinePlans([plan("resource-groups", [group])]).problems.map((entry) => entry.code)).toEqual([
      "unowned-contents",
    ]);
    expect(combinePlans([plan("resource-groups", [group]), plan("storage", [deletesIt])]).problems).toEqual([]);
  });
});
