// A tenant-wide audit split into shards run apart and merged: the same findings as one run, and a missing part fails.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@infra/emulator";
import { estateSeed, estateSubscriptions } from "@infra/storage/bench/seed-estate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot } from "../src/root-command.ts";

interface JsonReport {
  shard?: { split: string; index: number; count: number; subscriptions: string[] };
  findings: { ruleId: string; resourceId: string; status: string }[];
}
interface ListedShard {
  shard: string;
  subscriptions: string[];
  estimatedResources: number;
}

let emulator: Emulator;
let dir: string;
const subscriptions = estateSubscriptions(4);
// Unequal subscriptions, so a balanced split is not just one per shard.
const sizes = [9, 5, 3, 2];

const root = (args: string[]) => runRoot("audit", args, { env: emulator.env("ops") });
const keys = (report: JsonReport) =>
  report.findings.map((finding) => `${finding.status} ${finding.ruleId} ${finding.resourceId.toLowerCase()}`).sort();
const readReport = async (name: string) => JSON.parse(await readFile(join(dir, name), "utf8")) as JsonReport;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "audit-shards-"));
  for (const [index, subscriptionId] of subscriptions.entries()) {
    const seed = estateSeed(subscriptions, sizes[index] ?? 1);
    // estateSeed fills every subscription alike; keep this one's share of accounts only.
    await emulator.admin.seed({
      ...seed,
      resources: (seed.resources ?? []).filter(
        (resource) =>
          resource.id.startsWith(`/subscriptions/${subscriptionId}/`) ||
          resource.type === "Microsoft.Authorization/roleAssignments",
      ),
    });
  }
});
afterAll(async () => {
  await emulator?.close();
});

describe("pnpm run audit in shards", () => {
  let listed: ListedShard[];
  let single: JsonReport;

  it("lists a balanced, repeatable split of every subscription, from cheap resource counts", async () => {
    const first = await root([
      "--list-shards",
      "2",
      "--json",
      ...subscriptions.flatMap((id) => ["--subscription", id]),
    ]);
    expect(first.code, first.stderr).toBe(0);
    listed = (JSON.parse(first.stdout) as { shards: ListedShard[] }).shards;
    expect(listed.map((shard) => shard.shard)).toEqual(["1/2", "2/2"]);
    expect(listed.flatMap((shard) => shard.subscriptions).sort()).toEqual([...subscriptions].sort());
    const [one, two] = listed.map((shard) => shard.estimatedResources);
    expect(Math.abs((one ?? 0) - (two ?? 0))).toBeLessThanOrEqual(Math.max(...sizes));
    const again = await root([
      "--list-shards",
      "2",
      "--json",
      ...subscriptions.flatMap((id) => ["--subscription", id]),
    ]);
    expect(JSON.parse(again.stdout)).toEqual({ shards: listed });
    // Without --subscription a shard makes the same split of what the identity sees (here: these four) itself.
    const own = await root(["--shard", "2/2", "--json"]);
    expect((JSON.parse(own.stdout) as JsonReport).shard).toEqual({
      split: "all",
      index: 2,
      count: 2,
      subscriptions: listed[1]?.subscriptions,
    });
    const counts = (await emulator.admin.requests()).filter((entry) =>
      /^\/subscriptions\/[^/]+\/resources\?/.test(entry.path),
    );
    expect(counts.length).toBeGreaterThanOrEqual(2 * subscriptions.length);
  }, 120_000);

  it("merges the shards' reports into the findings of one run over everything", async () => {
    const all = await root([
      ...subscriptions.flatMap((id) => ["--subscription", id]),
      "--format",
      "json",
      "--output",
      join(dir, "single.json"),
    ]);
    single = await readReport("single.json");
    for (const shard of listed) {
      const result = await root([
        "--shard",
        shard.shard,
        ...shard.subscriptions.flatMap((id) => ["--subscription", id]),
        "--format",
        "json",
        "--output",
        join(dir, `shard-${shard.shard.replace("/", "-of-")}.json`),
      ]);
      expect(result.code, result.stderr).toBe(all.code);
    }
    const first = await readReport("shard-1-of-2.json");
    expect(first.shard).toEqual({ split: "all", index: 1, count: 2, subscriptions: listed[0]?.subscriptions });

    const merged = await root([
      "--merge",
      join(dir, "shard-1-of-2.json"),
      join(dir, "shard-2-of-2.json"),
      "--expect-shards",
      "2",
      "--format",
      "json",
      "--output",
      join(dir, "merged.json"),
    ]);
    expect(merged.code, merged.stderr).toBe(all.code);
    expect(keys(await readReport("merged.json"))).toEqual(keys(single));
    expect(keys(single).length).toBeGreaterThan(0);
  }, 240_000);

  it("fails the merge (exit 1) when a shard sent no report or an unreadable one, naming it", async () => {
    const missing = await root(["--merge", join(dir, "shard-1-of-2.json"), "--expect-shards", "2", "--json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("shard 2/2 of all: no report");
    const findings = (JSON.parse(missing.stdout) as JsonReport).findings;
    expect(findings.filter((finding) => finding.ruleId === "audit.report-missing").map((f) => f.status)).toEqual([
      "error",
    ]);

    await writeFile(join(dir, "broken.json"), '{"schemaVersion":1,"rules":[]');
    const broken = await root(["--merge", join(dir, "shard-1-of-2.json"), join(dir, "broken.json"), "--json"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: .*not an audit report/);
    const absent = await root([
      "--merge",
      join(dir, "shard-1-of-2.json"),
      join(dir, "shard-2-of-2.jsn"),
      "--allow-incomplete",
    ]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("no such file");
  }, 120_000);

  it("shows the trend against a previous run's report in the Markdown", async () => {
    const result = await root([
      "--merge",
      join(dir, "shard-1-of-2.json"),
      join(dir, "shard-2-of-2.json"),
      "--previous",
      join(dir, "single.json"),
      "--format",
      "markdown",
    ]);
    expect(result.stdout).toContain("### Since the previous run: 0 new, 0 resolved");
    expect(result.stdout).toContain("```mermaid\npie showData title Failed checks by severity");
  }, 60_000);
});
