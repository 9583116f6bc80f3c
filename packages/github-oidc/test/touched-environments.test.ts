import { describe, expect, it } from "vitest";
import { touchedEnvironments } from "../src/touched-environments.ts";

const deployable = ["dev", "prod"];

describe("touchedEnvironments", () => {
  it.each([
    [["packages/environments/environments/prod.ts"], ["prod"]],
    [["packages/environments/environments/local.ts"], []],
    [["packages/storage/src/baseline.ts"], ["dev", "prod"]],
    [["pnpm-lock.yaml"], ["dev", "prod"]],
    [["docs/github-actions.md", "README.md", ".github/workflows/plan.yml"], []],
    [[], []],
  ])("%j -> %j", (files, expected) => {
    expect(touchedEnvironments(files, deployable).map((entry) => entry.environment)).toEqual(expected);
  });

  it("names the variable suffix", () => {
    expect(touchedEnvironments(["packages/environments/environments/prod.ts"], deployable)).toEqual([
      { environment: "prod", suffix: "PROD" },
    ]);
  });
});
