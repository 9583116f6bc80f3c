import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addMask,
  annotateError,
  annotateWarning,
  appendStepSummary,
  escapeData,
  escapeProperty,
  GitHubActionsError,
  setOutput,
} from "../src/github-actions.ts";
import { capture } from "./capture.ts";

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "infra-cli-gha-"));
  env = {
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
  };
  writeFileSync(join(dir, "output"), "");
  writeFileSync(join(dir, "summary"), "");
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dir, name), "utf8");

describe("GitHub Actions helpers inside Actions", () => {
  it("appends Markdown to the step summary", () => {
    appendStepSummary("## Plan\n\n| action | name |\n|---|---|\n| create | rg-dev |", { env });
    appendStepSummary("2 changes\n", { env });
    expect(read("summary")).toBe("## Plan\n\n| action | name |\n|---|---|\n| create | rg-dev |\n2 changes\n");
  });

  it("writes single-line outputs as name=value and multi-line ones as a heredoc", () => {
    setOutput("changes", "2", { env });
    setOutput("plan", "create rg-dev\nupdate stdev1", { env });
    const lines = read("output").split("\n");
    expect(lines[0]).toBe("changes=2");
    const match = /^plan<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[1] ?? "");
    expect(match).not.toBeNull();
    expect(lines.slice(2)).toEqual(["create rg-dev", "update stdev1", match?.[1], ""]);
  });

  it("rejects an output name the runner would misread", () => {
    expect(() => setOutput("bad name", "x", { env })).toThrow(GitHubActionsError);
    expect(() => setOutput("a=b", "x", { env })).toThrow(GitHubActionsError);
  });

  it("fails loudly when the runner's file is missing", () => {
    expect(() => setOutput("x", "1", { env: { GITHUB_ACTIONS: "true" } })).toThrow(/GITHUB_OUTPUT is not set/);
  });

  it("writes annotations with escaped properties and message", () => {
    const write = capture();
    annotateError(
      "50% done\nthen failed",
      { file: "packages/storage/src/plan.ts", line: 12, col: 3, title: "plan: failed, see log" },
      { env, write },
    );
    annotateWarning("public blob access", {}, { env, write });
    expect(write.text).toBe(
      "::error file=packages/storage/src/plan.ts,line=12,col=3,title=plan%3A failed%2C see log::50%25 done%0Athen failed\n" +
        "::warning::public blob access\n",
    );
  });

  it("masks each line of a secret", () => {
    const write = capture();
    addMask("line-one\r\nline-two", { env, write });
    expect(write.text).toBe("::add-mask::line-one\n::add-mask::line-two\n");
  });

  it.each([
    ["%", "%25", "%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["a:b,c", "a:b,c", "a%3Ab%2Cc"],
  ])("escapes %j", (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});

describe("GitHub Actions helpers outside Actions", () => {
  it.each([{}, { GITHUB_ACTIONS: "false" }])("do nothing with %j", (outside) => {
    const write = capture();
    const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
    const target = { env: { ...outside, ...files }, write };
    appendStepSummary("# x", target);
    setOutput("x", "1", target);
    annotateError("e", {}, target);
    addMask("secret-value", target);
    expect(write.text).toBe("");
    expect(read("output")).toBe("");
    expect(read("summary")).toBe("");
  });
});
