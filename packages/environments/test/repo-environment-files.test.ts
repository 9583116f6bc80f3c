import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoEnvironments } from "../environments/index.ts";
import { REPO_ENVIRONMENTS_DIR } from "../src/load-environment.ts";
import { repoEnvironmentFiles } from "../src/repo-environment-files.ts";

describe("repoEnvironmentFiles", () => {
  it.each(Object.keys(repoEnvironments))("names the file that declares %s, with that name inside", async (name) => {
    const declaration = repoEnvironmentFiles().find((candidate) => candidate.name === name);
    expect(declaration?.path).toMatch(new RegExp(`/packages/environments/environments/${name}\\.ts$`));
    const loaded = (await import(pathToFileURL(declaration?.path ?? "").href)) as { default: { name: string } };
    // Ownership tags carry the environment's own name: the file must declare the name it is found under.
    expect(loaded.default).toBe(repoEnvironments[name]);
    expect(loaded.default.name).toBe(name);
  });

  it("takes every file of the directory, so adding an environment is adding its file", () => {
    const files = readdirSync(REPO_ENVIRONMENTS_DIR).filter((file) => file.endsWith(".ts") && file !== "index.ts");
    expect(Object.keys(repoEnvironments).sort()).toEqual(files.map((file) => file.slice(0, -".ts".length)).sort());
  });

  it("lists every environment once", () => {
    expect(repoEnvironmentFiles().map((declaration) => declaration.name)).toEqual(Object.keys(repoEnvironments));
  });
});
