import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  loadEnvironment,
  managedIdentitiesSection,
  REPO_ENVIRONMENTS_DIR,
  resourceGroupsSection,
} from "@infra/environments";
import { storageSection } from "@infra/storage";
import { describe, expect, it } from "vitest";
import { loadTaskDefinitions, taskList } from "../src/index.ts";

const packagesDir = join(import.meta.dirname, "..", "..");
const manifests = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    try {
      return [JSON.parse(readFileSync(join(packagesDir, entry.name, "package.json"), "utf8"))];
    } catch {
      return [];
    }
  }) as { name: string; scripts?: Record<string, string> }[];
const declared = readdirSync(REPO_ENVIRONMENTS_DIR)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .map((file) => file.slice(0, -".ts".length));

describe("the task list", () => {
  it("holds every package a root command would start (a `provision` or `audit` script), and only those", () => {
    const enrolled = manifests
      .filter((manifest) => manifest.name !== taskList.auditHost)
      .filter((manifest) => manifest.scripts?.provision !== undefined || manifest.scripts?.audit !== undefined)
      .map((manifest) => manifest.name)
      .sort();
    expect(taskList.packages).toEqual(enrolled);
  });

  it("loads every listed task's definition, each naming its own sections", async () => {
    const tasks = await loadTaskDefinitions();
    expect(tasks.map((task) => `@infra/${task.name}`)).toEqual(taskList.packages);
    const read = await Promise.all(tasks.map((task) => task.environmentSections()));
    const owned = new Set(read.flat().map((section) => section.key));
    expect([...owned].sort()).toEqual((await taskList.sections()).map((section) => section.key).sort());
  });

  it("composes the environment from every task's sections, each key once", async () => {
    const keys = (await taskList.sections()).map((section) => section.key);
    expect(keys).toEqual(expect.arrayContaining(["resourceGroups", "managedIdentities", "storage"]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the repository's environments, against every task's sections", () => {
  it.each(declared)("%s is valid", async (name) => {
    expect((await loadEnvironment({ env: name }, await taskList.sections())).name).toBe(name);
  });

  it("local declares enough to demo: 2+ groups, 3+ accounts with containers and a role assignment", async () => {
    const env = await loadEnvironment({ env: "local" }, await taskList.sections());
    expect(resourceGroupsSection.of(env).length).toBeGreaterThanOrEqual(2);
    const { accounts } = storageSection.of(env);
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    expect(accounts.every((account) => account.containers.length > 0)).toBe(true);
    expect(accounts.some((account) => account.roleAssignments.length > 0)).toBe(true);
    expect(managedIdentitiesSection.of(env).identities.length).toBeGreaterThan(0);
  });
});
