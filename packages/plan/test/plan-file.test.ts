import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PlanFileError } from "../src/errors.ts";
import { parsePlan, readPlanFile, writePlanFile } from "../src/plan-file.ts";
import { samplePlan } from "./sample-plan.ts";

describe("plan files", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "plan-file-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips a plan through a file", async () => {
    const path = join(dir, "plan.json");
    await writePlanFile(path, samplePlan());
    expect(await readPlanFile(path)).toEqual(JSON.parse(JSON.stringify(samplePlan())));
  });

  it("round-trips a plan's notes, and reads a plan saved without any", async () => {
    const path = join(dir, "plan.json");
    const withNotes = samplePlan({ notes: [{ address: "st.a", message: "not checked" }] });
    await writePlanFile(path, withNotes);
    expect((await readPlanFile(path)).notes).toEqual([{ address: "st.a", message: "not checked" }]);
    expect(parsePlan(JSON.parse(JSON.stringify(samplePlan())), "old.json").notes).toBeUndefined();
  });

  it.each<{ label: string; edit: (plan: Record<string, unknown>) => unknown; problem: string }>([
    { label: "another version", edit: (plan) => ({ ...plan, version: 2 }), problem: "version: expected version 1" },
    { label: "a missing field", edit: ({ environment: _, ...plan }) => plan, problem: "environment:" },
    { label: "a bad time", edit: (plan) => ({ ...plan, createdAt: "yesterday" }), problem: "createdAt:" },
    {
      label: "an unknown action",
      edit: (plan) => ({ ...plan, changes: [{ ...(plan.changes as object[])[1], action: "replace" }] }),
      problem: "changes.0.action:",
    },
    {
      label: "a change without a fingerprint",
      edit: (plan) => ({ ...plan, changes: [{ ...(plan.changes as object[])[1], liveFingerprint: undefined }] }),
      problem: "changes.0.liveFingerprint:",
    },
    {
      label: "a note without a message",
      edit: (plan) => ({ ...plan, notes: [{ address: "st.a" }] }),
      problem: "notes.0.message:",
    },
    { label: "not an object", edit: () => [], problem: "(root):" },
  ])("names the field when the file has $label", ({ edit, problem }) => {
    const json = edit(JSON.parse(JSON.stringify(samplePlan())) as Record<string, unknown>);
    expect(() => parsePlan(json, "plan.json")).toThrow(PlanFileError);
    expect(() => parsePlan(json, "plan.json")).toThrow(problem);
  });

  it.each<{ label: string; content: string | undefined; problem: string }>([
    { label: "not JSON", content: "{ nope", problem: "not JSON" },
    { label: "missing", content: undefined, problem: "cannot read" },
  ])("a file that is $label is a PlanFileError naming the file", async ({ content, problem }) => {
    const path = join(dir, "plan.json");
    if (content !== undefined) await writeFile(path, content);
    await expect(readPlanFile(path)).rejects.toThrow(`invalid plan file ${path}`);
    await expect(readPlanFile(path)).rejects.toThrow(problem);
  });
});
