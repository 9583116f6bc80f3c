import { describe, expect, it } from "vitest";
import { parseExpectedShards } from "../src/audit-fan-out.ts";
import { parseShard, parseShardCount, type SubscriptionEstimate, splitIntoShards } from "../src/audit-shards.ts";

const estimates = (sizes: Record<string, number | undefined>): SubscriptionEstimate[] =>
  Object.entries(sizes).map(([subscriptionId, resources]) => ({ subscriptionId, resources }));
const split = (sizes: Record<string, number | undefined>, count: number) =>
  splitIntoShards(estimates(sizes), count).map((shard) => [
    shard.shard,
    shard.subscriptions.join(","),
    shard.estimatedResources,
  ]);

describe("splitIntoShards", () => {
  it.each([
    { name: "one shard holds everything", sizes: { a: 5, b: 3 }, count: 1, shards: [["1/1", "a,b", 8]] },
    {
      name: "largest first, each into the lightest shard",
      sizes: { a: 7, b: 5, c: 4, d: 3, e: 1 },
      count: 2,
      shards: [
        ["1/2", "a,d", 10],
        ["2/2", "b,c,e", 10],
      ],
    },
    {
      name: "equal sizes: ties go by id, then by shard number",
      sizes: { d: 1, c: 1, b: 1, a: 1 },
      count: 2,
      shards: [
        ["1/2", "a,c", 2],
        ["2/2", "b,d", 2],
      ],
    },
    {
      name: "fewer subscriptions than shards: one shard each, none empty",
      sizes: { a: 2, b: 9 },
      count: 4,
      shards: [
        ["1/2", "b", 9],
        ["2/2", "a", 2],
      ],
    },
    {
      name: "a subscription whose size could not be read counts 0 and is still placed",
      sizes: { a: 4, b: undefined, c: 4 },
      count: 2,
      shards: [
        ["1/2", "a,b", 4],
        ["2/2", "c", 4],
      ],
    },
    { name: "nothing visible: no shard", sizes: {}, count: 3, shards: [] },
  ])("$name", ({ sizes, count, shards }) => {
    expect(split(sizes, count)).toEqual(shards);
  });

  it("lists a subscription once, whatever the case of its id", () => {
    expect(split({ AB: 1, ab: 1 }, 2)).toEqual([["1/1", "AB", 1]]);
  });

  it("gives the same split whatever order the subscriptions were listed in", () => {
    const sizes = Array.from({ length: 40 }, (_, index) => [
      `sub-${String(index).padStart(2, "0")}`,
      (index * 37) % 23,
    ]);
    const forward = splitIntoShards(estimates(Object.fromEntries(sizes)), 4);
    const backward = splitIntoShards(estimates(Object.fromEntries([...sizes].reverse())), 4);
    expect(backward).toEqual(forward);
  });

  it.each([
    { subscriptions: 40, count: 4, seed: 1 },
    { subscriptions: 40, count: 7, seed: 2 },
    { subscriptions: 9, count: 4, seed: 3 },
    { subscriptions: 200, count: 16, seed: 4 },
  ])(
    "balances $subscriptions subscriptions into $count shards within 4/3 of the best split",
    ({ subscriptions, count, seed }) => {
      let state = seed;
      const random = () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state / 2 ** 31;
      };
      const sizes = Object.fromEntries(
        Array.from({ length: subscriptions }, (_, index) => [`s${index}`, Math.floor(random() ** 2 * 2000)]),
      );
      const shards = splitIntoShards(estimates(sizes), count);
      const values = Object.values(sizes);
      const total = values.reduce((sum, size) => sum + size, 0);
      // No split can do better than the mean per shard or the biggest subscription alone.
      const best = Math.max(total / count, ...values);
      expect(Math.max(...shards.map((shard) => shard.estimatedResources))).toBeLessThanOrEqual((4 / 3) * best);
      expect(shards.flatMap((shard) => shard.subscriptions).sort()).toEqual(Object.keys(sizes).sort());
      expect(shards.reduce((sum, shard) => sum + shard.estimatedResources, 0)).toBe(total);
    },
  );
});

describe("shard flags", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["3/4", { index: 3, count: 4 }],
  ])("--shard %s", (value, expected) => {
    expect(parseShard(value)).toEqual(expected);
  });

  it.each(["0/4", "5/4", "1/0", "2", "a/b", "1/4/2", " 1/4"])("--shard %s is a usage error", (value) => {
    expect(() => parseShard(value)).toThrow(/--shard/);
  });

  it.each(["0", "-1", "1.5", "x", ""])("--list-shards %s is a usage error", (value) => {
    expect(() => parseShardCount(value)).toThrow(/--list-shards/);
  });
});

describe("--expect-shards", () => {
  it.each([
    [["4"], { "*": 4 }],
    [["prod=1", "all=4"], { prod: 1, all: 4 }],
    [[], {}],
  ])("%j", (values, expected) => {
    expect(parseExpectedShards(values)).toEqual(expected);
  });

  it.each(["0", "all=0", "=3", "all=x", "a b=1"])("%s is a usage error", (value) => {
    expect(() => parseExpectedShards([value])).toThrow(/--expect-shards/);
  });
});
