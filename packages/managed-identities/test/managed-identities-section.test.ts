import { managedIdentitiesSection, validateEnvironment as validate } from "@infra/environments";
import { configProblems } from "@infra/environments/testing";
import { describe, expect, it } from "vitest";
import { managedIdentitiesTask } from "../src/task.ts";

const sections = await managedIdentitiesTask.environmentSections();
const problems = (data: unknown) => configProblems(data, sections);

// As the task reads an environment: its own section and those it builds on.
const validateEnvironment = (data: unknown, source: string) => validate(data, source, sections);

const base = {
  name: "test",
  location: "westeurope",
  namingPrefix: "tst",
  resourceGroups: [{ name: "rg-tst-app" }, { name: "rg-tst-data" }],
};
const withSection = (managedIdentities: unknown) => ({ ...base, managedIdentities });

describe("managedIdentities section", () => {
  it("defaults to no identities and the main branch, so existing environments stay valid", () => {
    expect(managedIdentitiesSection.of(validateEnvironment(base, "env.json"))).toEqual({
      defaultBranch: "main",
      identities: [],
    });
  });

  it("accepts identities with optional location and tags", () => {
    const env = validateEnvironment(
      withSection({
        defaultBranch: "trunk",
        identities: [{ name: "id-tst-app", resourceGroup: "rg-tst-app", tags: { workload: "api" } }],
      }),
      "env.json",
    );
    expect(managedIdentitiesSection.of(env).identities).toEqual([
      { name: "id-tst-app", resourceGroup: "rg-tst-app", tags: { workload: "api" } },
    ]);
    expect(managedIdentitiesSection.of(env).defaultBranch).toBe("trunk");
  });

  it.each([
    [
      "a name ARM refuses",
      { identities: [{ name: "-id", resourceGroup: "rg-tst-app" }] },
      'managedIdentities.identities[0].name: "-id" must be 3-128 letters, digits',
    ],
    [
      "an undeclared group",
      { identities: [{ name: "id-tst-app", resourceGroup: "rg-missing" }] },
      'managedIdentities.identities[0].resourceGroup: "rg-missing" is not declared in resourceGroups',
    ],
    [
      "the same name twice, even in another group (names are case-insensitive)",
      {
        identities: [
          { name: "id-tst-app", resourceGroup: "rg-tst-app" },
          { name: "ID-tst-app", resourceGroup: "rg-tst-data" },
        ],
      },
      'managedIdentities.identities[1].name: "ID-tst-app" is declared twice (also managedIdentities.identities[0])',
    ],
    [
      "a region outside allowedLocations",
      { identities: [{ name: "id-tst-app", resourceGroup: "rg-tst-app", location: "eastus" }] },
      'managedIdentities.identities[0].location: "eastus" is not in allowedLocations',
    ],
    [
      "a typo in a key",
      { identities: [{ name: "id-tst-app", resourceGroup: "rg-tst-app", resource_group: "x" }] },
      'managedIdentities.identities[0]: unknown key "resource_group"',
    ],
    [
      "a full ref as the default branch",
      { defaultBranch: "refs/heads/main" },
      'managedIdentities.defaultBranch: "refs/heads/main" must be a branch name',
    ],
  ])("reports %s", (_name, section, expected) => {
    expect(problems(withSection(section)).join("\n")).toContain(expected);
  });
});
