import { loadMermaid, mermaidBlocks, parseMermaid } from "@infra/plan/mermaid-check";
import { beforeAll, describe, expect, it } from "vitest";
import { forwardedFlags } from "../src/forwarded-flags.ts";
import { planMarkdown } from "../src/job-summary.ts";
import { parsePlanFormat } from "../src/plan-output.ts";
import { change, plan } from "./plan-fixtures.ts";

beforeAll(() => loadMermaid(), 60_000);
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

  it("leads with a Mermaid diagram of the changes that GitHub draws, before the diff", async () => {
    const markdown = planMarkdown(
      plan("storage", [change("storage", "st.a", "create"), change("storage", "st.b", "update")]),
    );
    const [diagram = ""] = mermaidBlocks(markdown);
    expect(diagram).toMatch(/^flowchart LR\n/);
    expect(diagram).toContain("+ st.a");
    expect(markdown.indexOf("```mermaid")).toBeLessThan(markdown.indexOf("```diff"));
    expect(await parseMermaid(diagram)).toBe("flowchart-v2");
  });

  it("draws no diagram when nothing changes", () => {
    expect(planMarkdown(plan("storage", [change("storage", "st.a", "no-op")]))).not.toContain("```mermaid");
  });
});

describe("parsePlanFormat", () => {
  it.each([
    [undefined, false, "text"],
    [undefined, true, "json"],
    ["json", true, "json"],
    ["mermaid", false, "mermaid"],
    ["text", false, "text"],
  ] as const)("--format %s with --json %s prints %s", (format, json, expected) => {
    expect(parsePlanFormat(format, json)).toBe(expected);
  });

  it.each([
    ["svg", false, /--format svg: use one of text, json, mermaid/],
    ["mermaid", true, /--json prints JSON/],
  ] as const)("--format %s with --json %s is a usage error", (format, json, message) => {
    expect(() => parsePlanFormat(format, json)).toThrow(message);
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
