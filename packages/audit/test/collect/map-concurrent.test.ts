import { describe, expect, it } from "vitest";
import { mapConcurrent } from "../../src/collect/map-concurrent.ts";

describe("mapConcurrent", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapConcurrent([5, 1, 4, 2, 3, 0], 2, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it("rejects with the first failure and starts nothing after it", async () => {
    const started: number[] = [];
    await expect(
      mapConcurrent([1, 2, 3, 4], 1, async (value) => {
        started.push(value);
        if (value === 2) throw new Error("boom");
        return value;
      }),
    ).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
  });

  it("handles an empty list and refuses a limit below 1", async () => {
    await expect(mapConcurrent([], 4, async () => 1)).resolves.toEqual([]);
    await expect(mapConcurrent([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
