import { describe, expect, it } from "vitest";
import { evaluateString, evaluateTemplate } from "../src/rehearsal/expressions.ts";

const contexts = {
  github: {},
  vars: {},
  secrets: {},
  matrix: {},
  needs: {
    changes: { outputs: { environments: '[{"environment":"dev"},{"environment":"prod"}]' }, result: "success" },
  },
  steps: {},
  env: {},
  runner: {},
  job: {},
  inputs: {},
} as unknown as Parameters<typeof evaluateTemplate>[1];

describe("evaluateTemplate", () => {
  it("evaluates a strategy.matrix member by member, keeping fromJSON's list (the plan workflow's matrix)", () => {
    // Regression: the map was returned unevaluated, so the plan job had no matrix entries and silently never ran.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    const matrix = { include: "${{ fromJSON(needs.changes.outputs.environments) }}" };
    expect(evaluateTemplate(matrix, contexts)).toEqual({ include: [{ environment: "dev" }, { environment: "prod" }] });
  });

  it("replaces embedded expressions in strings inside lists", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    expect(evaluateTemplate(["plan-${{ needs.changes.result }}"], contexts)).toEqual(["plan-success"]);
  });
});

describe("evaluateString", () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    ["${{ steps.merged.outputs.head-sha }}", ""],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    ["${{ inputs.environment }}", ""],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    ["${{ inputs.shards || '4' }}", "4"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
    ["${{ toJSON(needs.changes.result) }}", '"success"'],
  ])("%s in a string place is %j, as GitHub renders it", (template, expected) => {
    expect(evaluateString(template, contexts)).toBe(expected);
  });
});
