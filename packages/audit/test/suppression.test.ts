import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isExpired } from "../src/apply-suppressions.ts";
import { SuppressionFileError } from "../src/errors.ts";
import { readSuppressionFile } from "../src/read-suppression-file.ts";
import { parseSuppressions } from "../src/suppression.ts";

const valid = {
  rule: "storage.secure-transfer",
  resource: "/subscriptions/*/resourceGroups/rg-legacy/**",
  justification: "Legacy ingest client speaks HTTP only; replaced in Q1 (INFRA-42).",
  expires: "2026-12-31",
};

describe("parseSuppressions", () => {
  it("accepts a reviewed suppression", () => {
    expect(parseSuppressions({ suppressions: [valid] }, "s.json")).toEqual([valid]);
  });

  it.each([
    ["no suppressions key", {}, /suppressions/],
    [
      "bad date format",
      { suppressions: [{ ...valid, expires: "31/12/2026" }] },
      /suppressions\.0\.expires: expected YYYY-MM-DD/,
    ],
    ["impossible date", { suppressions: [{ ...valid, expires: "2026-02-30" }] }, /not a real calendar date/],
    ["short justification", { suppressions: [{ ...valid, justification: "because" }] }, /justification/],
    ["missing resource", { suppressions: [{ ...valid, resource: "" }] }, /resource/],
    ["bad rule id", { suppressions: [{ ...valid, rule: "Storage Secure" }] }, /rule id/],
    ["unknown key", { suppressions: [{ ...valid, expiry: "2026-01-01" }] }, /expiry/],
  ])("rejects %s", (_label, json, problem) => {
    expect(() => parseSuppressions(json, "s.json")).toThrow(SuppressionFileError);
    expect(() => parseSuppressions(json, "s.json")).toThrow(problem);
  });

  it.each([
    ["2026-12-30T23:59:59Z", false],
    ["2026-12-31T23:59:59Z", false],
    ["2027-01-01T00:00:00Z", true],
  ])("expiry is inclusive of its day: at %s expired=%s", (now, expected) => {
    expect(isExpired(valid, new Date(now))).toBe(expected);
  });
});

describe("readSuppressionFile", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("reads a file, treats a missing file as empty, and rejects non-JSON", async () => {
    dir = await mkdtemp(join(tmpdir(), "suppressions-"));
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    await writeFile(good, JSON.stringify({ suppressions: [valid] }));
    await writeFile(bad, "{ not json");
    expect(await readSuppressionFile(good)).toEqual([valid]);
    expect(await readSuppressionFile(join(dir, "absent.json"))).toEqual([]);
    await expect(readSuppressionFile(bad)).rejects.toThrow(/bad\.json[\s\S]*not JSON/);
  });
});
