import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/duration.ts";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["45m", 2_700_000],
    ["2h", 7_200_000],
    ["1h30m", 5_400_000],
    [" 10m ", 600_000],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "0m", "10", "5 minutes", "m", "-3m", "1.5h"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
