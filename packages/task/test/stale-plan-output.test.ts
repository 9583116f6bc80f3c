import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StalePlanError } from "@infra/plan";
import { describe, expect, it } from "vitest";
import { markStalePlan } from "../src/stale-plan-output.ts";

async function outputAfter(error: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "stale-output-")), "output");
  await writeFile(file, "");
  expect(() => markStalePlan({ GITHUB_ACTIONS: "true", GITHUB_OUTPUT: file })(error)).toThrow(error as Error);
  return readFile(file, "utf8");
}

describe("markStalePlan", () => {
  it.each([
    [
      "a refused stale plan",
      new StalePlanError([{ address: "a", id: "/a", reason: "changed in Azure" }]),
      "stale-plan=true\n",
    ],
    ["any other failure", new Error("AuthorizationFailed"), ""],
  ])("%s: rethrown, with the step output %j", async (_name, error, output) => {
    expect(await outputAfter(error)).toBe(output);
  });
});
