import { describe, expect, it } from "vitest";
import { isAbsent } from "../src/is-absent.ts";

describe("isAbsent", () => {
  it.each([
    [undefined, true],
    [null, true],
    [false, false],
    ["", false],
  ])("isAbsent(%j) = %s", (value, expected) => {
    expect(isAbsent(value)).toBe(expected);
  });
});
