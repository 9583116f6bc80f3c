import { describe, expect, it } from "vitest";
import { combinePlans } from "../src/combine-plans.ts";
import { taskPart } from "../src/task-plan.ts";
import { change, plan } from "./plan-fixtures.ts";

describe("combinePlans and taskPart", () => {
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

  it("splits a combined plan back into one task's part", () => {
    const part = taskPart(combinePlans([groups, storage]), "storage");
    expect(part.tasks).toEqual(["storage"]);
    expect(part.changes.map((entry) => entry.address)).toEqual(["st.a", "st.b"]);
    expect(part.problems.map((problem) => problem.address)).toEqual(["st.b"]);
    expect(part.notes?.map((note) => note.address)).toEqual(["st.a"]);
    expect(taskPart(combinePlans([groups, storage]), "resource-groups").problems).toEqual([]);
    expect(taskPart(combinePlans([groups, storage]), "resource-groups")).not.toHaveProperty("notes");
  });
});
