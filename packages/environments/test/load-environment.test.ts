import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, UsageError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { loadEnvironment } from "../src/load-environment.ts";

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "env-"));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("loadEnvironment", () => {
  it.each(["local", "dev", "prod"])("loads the repo environment %s", async (name) => {
    const env = await loadEnvironment({ env: name });
    expect(env.name).toBe(name);
  });

  it("local declares enough to demo: 2+ groups, 3+ accounts with containers and a role assignment", async () => {
    const env = await loadEnvironment({ env: "local" });
    expect(env.resourceGroups.length).toBeGreaterThanOrEqual(2);
    expect(env.storage.accounts.length).toBeGreaterThanOrEqual(3);
    expect(env.storage.accounts.every((account) => account.containers.length > 0)).toBe(true);
    expect(env.storage.accounts.some((account) => account.roleAssignments.length > 0)).toBe(true);
  });

  it("prod is protected", async () => {
    expect((await loadEnvironment({ env: "prod" })).protected).toBe(true);
  });

  it("rejects an unknown name with the known ones", async () => {
    await expect(loadEnvironment({ env: "staging" })).rejects.toThrow(/choose one of local, dev, prod/);
    await expect(loadEnvironment({ env: "staging" })).rejects.toBeInstanceOf(UsageError);
  });

  it("rejects --env together with --env-file", async () => {
    await expect(loadEnvironment({ env: "local", envFile: "x.json" })).rejects.toBeInstanceOf(UsageError);
  });

  it("loads a JSON file", async () => {
    const path = await tempFile("e.json", JSON.stringify({ name: "json", location: "eastus", namingPrefix: "js" }));
    expect((await loadEnvironment({ envFile: path })).location).toBe("eastus");
  });

  it("loads a TypeScript file", async () => {
    const path = await tempFile("e.ts", 'export default { name: "tsenv", location: "uksouth", namingPrefix: "ts" };\n');
    expect((await loadEnvironment({ envFile: path })).name).toBe("tsenv");
  });

  it("reports malformed JSON as a configuration error", async () => {
    const path = await tempFile("bad.json", '{ "name": "x", ');
    await expect(loadEnvironment({ envFile: path })).rejects.toBeInstanceOf(ConfigError);
    await expect(loadEnvironment({ envFile: path })).rejects.toThrow(/not valid JSON/);
  });

  it("reports a missing file", async () => {
    await expect(loadEnvironment({ envFile: "/nonexistent/env.json" })).rejects.toThrow(/cannot read it \(ENOENT\)/);
  });
});
