import { validateEnvironment as validate } from "@infra/environments";
import { configProblems } from "@infra/environments/testing";
import { describe, expect, it } from "vitest";
import { storageTask } from "../src/provision/task.ts";
import { storageSection } from "../src/storage-section.ts";

const sections = await storageTask.environmentSections();
const problems = (data: unknown) => configProblems(data, sections);

// As the task reads an environment: its own section and those it builds on.
const validateEnvironment = (data: unknown, source: string) => validate(data, source, sections);

const valid = {
  name: "test",
  location: "westeurope",
  namingPrefix: "tst",
  resourceGroups: [{ name: "rg-tst-app" }],
  storage: { accounts: [{ name: "tstdata01", resourceGroup: "rg-tst-app", containers: [{ name: "raw" }] }] },
};

const withAccount = (account: Record<string, unknown>) => ({
  ...valid,
  storage: { accounts: [{ name: "tstdata01", resourceGroup: "rg-tst-app", ...account }] },
});

describe("validateEnvironment", () => {
  it("accepts a valid environment and applies the secure defaults", () => {
    const env = validateEnvironment(valid, "env.json");
    const account = storageSection.of(env).accounts[0];
    expect(account).toMatchObject({
      sku: "Standard_LRS",
      kind: "StorageV2",
      softDeleteDays: 7,
      network: { defaultAction: "Deny", publicNetworkAccess: "Enabled", ipRules: [] },
    });
    expect(env.protected).toBe(false);
  });

  it("normalises region spelling", () => {
    expect(validateEnvironment({ ...valid, location: "West Europe" }, "env.json").location).toBe("westeurope");
  });

  it.each([
    [
      "an invalid account name",
      withAccount({ name: "My_Acct" }),
      'env.json: storage.accounts[0].name: "My_Acct" must be 3-24 lowercase letters and digits',
    ],
    [
      "a name without the prefix",
      withAccount({ name: "otherdata" }),
      'storage.accounts[0].name: "otherdata" must start with the naming prefix "tst"',
    ],
    ["an unknown region", { ...valid, location: "atlantis" }, 'location: "atlantis" is not an Azure region'],
    ["an unknown key", { ...valid, soft_delete: true }, 'env.json: (top level): unknown key "soft_delete"'],
    [
      "a wrong type",
      withAccount({ softDeleteDays: "seven" }),
      "storage.accounts[0].softDeleteDays: must be a number of days",
    ],
    [
      "an undeclared group",
      withAccount({ resourceGroup: "rg-missing" }),
      'storage.accounts[0].resourceGroup: "rg-missing" is not declared in resourceGroups',
    ],
    ["a bad SKU", withAccount({ sku: "Cheap" }), 'storage.accounts[0].sku: "Cheap" is not a storage SKU'],
    [
      "public access disabled with IP rules",
      withAccount({ network: { publicNetworkAccess: "Disabled", ipRules: ["203.0.113.0/24"] } }),
      "storage.accounts[0].network.ipRules: IP rules have no effect when publicNetworkAccess is Disabled",
    ],
    [
      "duplicate account names",
      {
        ...valid,
        storage: {
          accounts: [
            { name: "tstdata01", resourceGroup: "rg-tst-app" },
            { name: "tstdata01", resourceGroup: "rg-tst-app" },
          ],
        },
      },
      'storage.accounts[1].name: "tstdata01" is declared twice',
    ],
    [
      "duplicate group names in other casing",
      { ...valid, resourceGroups: [{ name: "rg-tst-app" }, { name: "RG-TST-APP" }] },
      'resourceGroups[1].name: "RG-TST-APP" is declared twice',
    ],
    [
      "too many tags",
      { ...valid, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])) },
      "tags: has 51 tags; Azure allows at most 50",
    ],
    [
      "a required tag without value",
      { ...valid, requiredTags: ["owner"] },
      'requiredTags: required tag "owner" has no value in tags',
    ],
    [
      "a bad container name",
      withAccount({ containers: [{ name: "Raw--Data" }] }),
      'storage.accounts[0].containers[0].name: "Raw--Data" must be 3-63 lowercase',
    ],
    [
      "a bad principal id",
      withAccount({ roleAssignments: [{ principalId: "bob", role: "Storage Blob Data Reader" }] }),
      'roleAssignments[0].principalId: "bob" must be a principal object id GUID',
    ],
    [
      "a grant to nobody",
      withAccount({ roleAssignments: [{ role: "Storage Blob Data Reader" }] }),
      "roleAssignments[0]: give exactly one of principalId (an object id) or identity",
    ],
    [
      "a grant to both a principal and an identity",
      withAccount({
        roleAssignments: [
          { principalId: "9b2f4c1e-0000-4000-8000-000000000001", identity: "app", role: "Storage Blob Data Reader" },
        ],
      }),
      "roleAssignments[0]: give exactly one of principalId (an object id) or identity",
    ],
    [
      "a grant to an identity the environment does not declare",
      withAccount({ roleAssignments: [{ identity: "ghost", role: "Storage Blob Data Reader" }] }),
      'storage.accounts[0].roleAssignments[0].identity: "ghost" is not declared in managedIdentities.identities',
    ],
    [
      "soft delete below baseline",
      withAccount({ softDeleteDays: 1 }),
      "storage.accounts[0].softDeleteDays: must be at least 7 days",
    ],
    [
      "a location outside allowedLocations",
      withAccount({ location: "eastus" }),
      'storage.accounts[0].location: "eastus" is not in allowedLocations',
    ],
  ])("rejects %s, naming the field and the rule", (_case, data, expected) => {
    expect(problems(data).join("\n")).toContain(expected);
  });

  it("lists every problem at once, not only the first", () => {
    const data = {
      ...valid,
      location: "atlantis",
      surprise: 1,
      storage: {
        accounts: [
          { name: "My_Acct", resourceGroup: "rg-tst-app" },
          { name: "tstdata02", resourceGroup: "rg-none", sku: "Cheap" },
        ],
      },
    };
    expect(problems(data)).toHaveLength(5);
  });
});

describe("names Azure reserves", () => {
  const base = { name: "dev", location: "westeurope", namingPrefix: "dv", resourceGroups: [{ name: "rg" }] };
  const withAccount = (name: string) => ({ ...base, storage: { accounts: [{ name, resourceGroup: "rg" }] } });

  it.each([
    ["dvmicrosoftx", "microsoft"],
    ["dvwindows1", "windows"],
  ])("refuses the storage account name %s (reserved word %s)", (name, word) => {
    expect(problems(withAccount(name))).toEqual([
      `env.json: storage.accounts[0].name: "${name}" holds the reserved word "${word}": Azure refuses it (ReservedResourceName); choose another name`,
    ]);
  });

  it.each(["login", "microsoft", "xwindows"])("refuses the naming prefix %s", (prefix) => {
    expect(problems({ ...base, namingPrefix: prefix }).join("\n")).toMatch(/^env\.json: namingPrefix: .*reserved word/);
  });

  it.each(["dvdata01", "dvlogin1", "dvoffice"])("accepts %s", (name) => {
    expect(problems(withAccount(name))).toEqual([]);
  });
});
