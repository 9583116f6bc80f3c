import { describe, expect, it } from "vitest";
import { forwardedFlags } from "../src/forwarded-flags.ts";
import { planMarkdown } from "../src/job-summary.ts";
import { change, plan } from "./plan-fixtures.ts";

describe("planMarkdown", () => {
  it("renders the plan as a diff block GitHub colours, with the counts in the heading", () => {
    const markdown = planMarkdown(
      plan("storage", [change("storage", "st.a", "create"), change("storage", "st.b", "update")]),
    );
    expect(markdown).toMatch(/^### Plan for `test`: 1 to create, 1 to update, 0 to delete/);
    expect(markdown).toContain("```diff");
    expect(markdown).toMatch(/^\+\s+.*st\.a/m);
    expect(markdown).toMatch(/^!\s+.*st\.b/m);
  });
});

describe("forwardedFlags", () => {
  it("makes a relative --env-file absolute, because turbo runs tasks in their package folders", () => {
    const flags = {
      env: undefined,
      envFile: "envs/x.json",
      yes: true,
      json: true,
      verbose: true,
      help: false,
      auth: undefined,
    };
    expect(forwardedFlags(flags, "/work/repo")).toEqual(["--env-file", "/work/repo/envs/x.json", "--verbose"]);
  });
});
