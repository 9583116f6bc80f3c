import { describe, expect, it } from "vitest";
import type { ApplyResult } from "../src/apply-plan.ts";
import { applyExitCode, planExitCode } from "../src/exit-code.ts";
import type { Plan } from "../src/plan.ts";
import { createChange, deleteChange, noOpChange, samplePlan } from "./sample-plan.ts";

const problem = { code: "unmanaged-conflict", address: "a", id: "/a", message: "m" } as const;
const orphan = { kind: "k", id: "/o", name: "o", task: "storage" };

describe("planExitCode", () => {
  it.each<{ label: string; plan: Plan; detailed: boolean; code: number }>([
    { label: "no changes, detailed", plan: samplePlan({ changes: [noOpChange] }), detailed: true, code: 0 },
    { label: "a create, detailed", plan: samplePlan({ changes: [noOpChange, createChange] }), detailed: true, code: 3 },
    { label: "a delete, detailed", plan: samplePlan({ changes: [deleteChange] }), detailed: true, code: 3 },
    { label: "changes, not detailed", plan: samplePlan({ changes: [createChange] }), detailed: false, code: 0 },
    {
      label: "orphans kept without prune",
      plan: samplePlan({ changes: [], orphans: [orphan] }),
      detailed: true,
      code: 0,
    },
    { label: "a problem", plan: samplePlan({ changes: [createChange], problems: [problem] }), detailed: true, code: 1 },
  ])("$label -> $code", ({ plan, detailed, code }) => {
    expect(planExitCode(plan, { detailedExitcode: detailed })).toBe(code);
  });
});

describe("applyExitCode", () => {
  const failure = { item: createChange, error: new Error("x"), durationMs: 1 };
  it.each<{ label: string; result: ApplyResult; code: number }>([
    { label: "all succeeded", result: { succeeded: [], failed: [], skipped: [], interrupted: false }, code: 0 },
    { label: "a failure", result: { succeeded: [], failed: [failure], skipped: [], interrupted: false }, code: 1 },
    { label: "interrupted", result: { succeeded: [], failed: [], skipped: [], interrupted: true }, code: 130 },
    {
      label: "failed and interrupted",
      result: { succeeded: [], failed: [failure], skipped: [], interrupted: true },
      code: 1,
    },
  ])("$label -> $code", ({ result, code }) => {
    expect(applyExitCode(result)).toBe(code);
  });
});
