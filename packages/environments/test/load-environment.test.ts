import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, UsageError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { loadEnvironment, REPO_ENVIRONMENTS_DIR } from "../src/load-environment.ts";

// The environments are whatever files the directory holds: adding one must not need a test edited.
const declared = readdirSync(REPO_ENVIRONMENTS_DIR)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .map((file) => file.slice(0, -".ts".length));
const knownNames = new RegExp(`choose one of ${[...declared].sort().join(", ")}`);

// The tasks own the sections (their tests check them); here the base fields alone are read, other keys kept.
const NO_SECTIONS = [] as const;
const KEPT = { otherKeys: "kept" } as const;

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "env-"));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("loadEnvironment", () => {
  it.each(declared)("loads the repo environment %s", async (name) => {
    const env = await loadEnvironment({ env: name }, NO_SECTIONS, KEPT);
    expect(env.name).toBe(name);
  });

  it("prod is protected", async () => {
    expect((await loadEnvironment({ env: "prod" }, NO_SECTIONS, KEPT)).protected).toBe(true);
  });

  it("rejects an unknown name with the known ones", async () => {
    await expect(loadEnvironment({ env: "not-declared-here" }, NO_SECTIONS, KEPT)).rejects.toThrow(knownNames);
    await expect(loadEnvironment({ env: "not-declared-here" }, NO_SECTIONS, KEPT)).rejects.toBeInstanceOf(UsageError);
  });

  it("rejects --env together with --env-file", async () => {
    await expect(loadEnvironment({ env: "local", envFile: "x.json" }, NO_SECTIONS, KEPT)).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it("loads a JSON file", async () => {
    const path = await tempFile("e.json", JSON.stringify({ name: "json", location: "eastus", namingPrefix: "js" }));
    expect((await loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT)).location).toBe("eastus");
  });

  it("loads a TypeScript file", async () => {
    const path = await tempFile("e.ts", 'export default { name: "tsenv", location: "uksouth", namingPrefix: "ts" };\n');
    expect((await loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT)).name).toBe("tsenv");
  });

  it("reports malformed JSON as a configuration error", async () => {
    const path = await tempFile("bad.json", '{ "name": "x", ');
    await expect(loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT)).rejects.toThrow(/not valid JSON/);
  });

  it("reports a missing file", async () => {
    await expect(loadEnvironment({ envFile: "/nonexistent/env.json" }, NO_SECTIONS, KEPT)).rejects.toThrow(
      /cannot read it \(ENOENT\)/,
    );
  });
});

describe("loadEnvironment refuses files that would decide more than they should", () => {
  it("refuses a JSON file with a key given twice, naming the key and its line", async () => {
    const path = await tempFile(
      "twice.json",
      '{\n  "name": "dev2",\n  "location": "westeurope",\n  "namingPrefix": "dv",\n  "name": "prod"\n}\n',
    );
    const refused = loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toMatchObject({
      problems: [{ path: `${path}:5`, message: expect.stringMatching(/"name" is given twice/) }],
    });
  });

  it.each(declared)("refuses a file outside the repository that calls itself %s", async (name) => {
    const path = await tempFile(`${name}.json`, JSON.stringify({ name, location: "westeurope", namingPrefix: "hx" }));
    await expect(loadEnvironment({ envFile: path }, NO_SECTIONS, KEPT)).rejects.toThrow(
      new RegExp(`declares name "${name}", which is this repository's environment`),
    );
  });

  it("accepts the repository's own file for an environment through --env-file", async () => {
    const own = join(REPO_ENVIRONMENTS_DIR, "prod.ts");
    expect((await loadEnvironment({ envFile: own }, NO_SECTIONS, KEPT)).name).toBe("prod");
  });

  it("refuses a path that is not a regular file (a FIFO would block the read forever)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "env-"));
    const fifo = join(dir, "env.json");
    execFileSync("mkfifo", [fifo]);
    await expect(loadEnvironment({ envFile: fifo }, NO_SECTIONS, KEPT)).rejects.toThrow(/not a regular file/);
    await expect(loadEnvironment({ envFile: dir }, NO_SECTIONS, KEPT)).rejects.toThrow(/not a regular file/);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "treats --env %s as an unknown environment, not a JavaScript built-in",
    async (name) => {
      await expect(loadEnvironment({ env: name }, NO_SECTIONS, KEPT)).rejects.toThrow(/no such environment/);
      await expect(loadEnvironment({ env: name }, NO_SECTIONS, KEPT)).rejects.toThrow(knownNames);
    },
  );
});
