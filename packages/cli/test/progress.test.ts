import { afterEach, describe, expect, it } from "vitest";
import { defineCommand } from "../src/command-definition.ts";
import { createProgress, formatDuration } from "../src/progress.ts";
import { runCommand } from "../src/run-command.ts";
import { capture } from "./capture.ts";

afterEach(() => {
  process.exitCode = undefined;
});

/** A clock that advances only when told, so durations are exact without timing anything. */
function steppingClock(stepMs: number) {
  let t = 0;
  return () => {
    const now = t;
    t += stepMs;
    return now;
  };
}

describe("createProgress", () => {
  it("prints one line per item: action, name, result, duration", async () => {
    const write = capture();
    const progress = createProgress({ write, now: steppingClock(1200) });
    const value = await progress.item(
      "create",
      "rg-dev",
      async () => ({ id: "x" }),
      () => "created",
    );
    expect(value).toEqual({ id: "x" });
    await progress.item("read", "stdev1", async () => 1);
    await expect(
      progress.item("delete", "old", async () => {
        throw new Error("ScopeLocked");
      }),
    ).rejects.toThrow("ScopeLocked");
    progress.report("update", "stdev2", "updated 2 properties", 35);
    progress.stop();
    expect(write.text).toBe(
      "create rg-dev => created (1.2s)\nread stdev1 => ok (1.2s)\ndelete old => failed: ScopeLocked (1.2s)\nupdate stdev2 => updated 2 properties (35ms)\n",
    );
  });

  it("draws a live line only when asked, and clears it before each finished line", async () => {
    const write = capture(true);
    const progress = createProgress({ write, live: true, now: steppingClock(10) });
    await progress.item("create", "rg-dev", async () => undefined);
    progress.stop();
    expect(write.text).toBe("\r\x1b[2K- create rg-dev\r\x1b[2Kcreate rg-dev => ok (10ms)\n");
  });

  it.each([
    [999, "999ms"],
    [1500, "1.5s"],
    [125_000, "2m5s"],
  ])("formats %ims as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("runCommand's progress", () => {
  const command = defineCommand({
    name: "provision",
    summary: "s",
    async run({ progress }) {
      await progress.item("create", "rg-dev", async () => undefined);
    },
  });

  it.each([
    ["a TTY outside CI", true, {}, true],
    ["a TTY in CI", true, { CI: "true" }, false],
    ["a pipe", false, {}, false],
  ])("on %s draws a live line: %s", async (_, isTTY, env, live) => {
    const stderr = capture(isTTY);
    await runCommand(command, [], { stdout: capture(), stderr, env, handleSigint: false });
    expect(stderr.text.includes("\r")).toBe(live);
    expect(stderr.text).toMatch(/create rg-dev => ok \([\d.ms]+\)\n$/);
  });
});
