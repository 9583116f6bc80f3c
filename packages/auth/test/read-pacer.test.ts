import { describe, expect, it } from "vitest";
import { ReadPacer } from "../src/read-pacer.ts";

/** A pacer on a fake clock: waiting advances time, so the schedule it produces can be read off exactly. */
function fakePacer(reserve = 0) {
  let now = 0;
  const waits: number[] = [];
  const pacer = new ReadPacer({
    reserve,
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { pacer, waits, advance: (ms: number) => (now += ms) };
}

describe("ReadPacer", () => {
  it("does not pace before ARM has said how much is left", async () => {
    const { pacer, waits } = fakePacer();
    for (let i = 0; i < 500; i++) await pacer.acquire("sub");
    expect(waits).toEqual([]);
  });

  it("sends at once while the bucket is above the reserve", async () => {
    const { pacer, waits } = fakePacer(5);
    await pacer.acquire("sub");
    pacer.settle("sub", 200);
    for (let i = 0; i < 190; i++) await pacer.acquire("sub");
    expect(waits).toEqual([]);
  });

  it("spaces claims 1/refill apart once the bucket is at the reserve, later claims waiting longer", async () => {
    const { pacer, waits } = fakePacer(5);
    await pacer.acquire("sub");
    pacer.settle("sub", 5);
    await pacer.acquire("sub");
    await pacer.acquire("sub");
    await pacer.acquire("sub");
    expect(waits).toEqual([40, 80, 120]);
    expect(pacer.stats()).toEqual({ paced: 3, waitedMs: 240 });
  });

  it("counts the refill: after a second at 25/s, 25 more reads go at once", async () => {
    const { pacer, waits, advance } = fakePacer(0);
    await pacer.acquire("sub");
    pacer.settle("sub", 0);
    advance(1000);
    for (let i = 0; i < 25; i++) await pacer.acquire("sub");
    expect(waits).toEqual([]);
    await pacer.acquire("sub");
    expect(waits).toEqual([40]);
  });

  it("trusts ARM's count minus its own unanswered claims (someone else shares the bucket)", async () => {
    const { pacer, waits } = fakePacer(0);
    await pacer.acquire("sub");
    pacer.settle("sub", 200);
    await pacer.acquire("sub"); // in flight
    await pacer.acquire("sub"); // in flight
    await pacer.acquire("sub");
    pacer.settle("sub", 2); // another caller drained it: 2 left, 2 of ours still unanswered
    await pacer.acquire("sub");
    expect(waits).toEqual([40]);
  });

  it("keeps subscriptions apart (ARM counts per subscription)", async () => {
    const { pacer, waits } = fakePacer(0);
    await pacer.acquire("a");
    pacer.settle("a", 0);
    await pacer.acquire("B");
    expect(waits).toEqual([]);
    await pacer.acquire("A");
    expect(waits).toEqual([40]);
  });
});
