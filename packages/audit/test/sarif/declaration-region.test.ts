import { describe, expect, it } from "vitest";
import { declarationRegion, declaredNames, environmentObjectRegion } from "../../src/sarif/declaration-region.ts";

const SUB = "/subscriptions/11111111-0000-4000-8000-000000000001";
const group = (name: string) => `${SUB}/resourceGroups/${name}`;
const account = (name: string, inGroup = "rg-loc-app") =>
  `${group(inGroup)}/providers/Microsoft.Storage/storageAccounts/${name}`;
const container = (accountName: string, name: string) =>
  `${account(accountName)}/blobServices/default/containers/${name}`;
const assignment = (accountName: string) =>
  `${account(accountName)}/providers/Microsoft.Authorization/roleAssignments/0c9e5f4e-8d1f-5b7e-a2c4-3f6d8e9a1b2c`;

// Formatted as Biome writes environment files: nested objects one per line, short ones on one line.
const TS = `import { defineEnvironment } from "../src/environment-schema.ts";

export default defineEnvironment({
  name: "local",
  location: "westeurope",
  resourceGroups: [{ name: "rg-loc-app" }, { name: "rg-loc-data" }],
  storage: {
    accounts: [
      {
        name: "locappassets",
        resourceGroup: "rg-loc-app",
        containers: [{ name: "images" }, { name: "downloads" }],
        roleAssignments: [
          { principalId: "0b500000-0000-4000-8000-000000000004", role: "Storage Blob Data Contributor" },
        ],
      },
      {
        name: "locdatalake",
        resourceGroup: "rg-loc-data",
        containers: [{ name: "raw" }, { name: "images" }],
      },
      { name: "locsmall", resourceGroup: "rg-loc-data" },
      { name: "locother", resourceGroup: "rg-loc-data", containers: [{ name: "nightly" }] },
    ],
  },
  managedIdentities: { identities: [{ name: "id-loc-app", resourceGroup: "rg-loc-app", displayName: "x" }] },
});
`;

// As JSON.stringify(environment, null, 2) writes an --env-file.
const JSON_FILE = `{
  "name": "e2e",
  "resourceGroups": [
    {
      "name": "rg-e2e-a"
    }
  ],
  "storage": {
    "accounts": [
      {
        "name": "e2eacct0",
        "resourceGroup": "rg-e2e-a",
        "containers": [
          {
            "name": "data"
          }
        ]
      }
    ]
  }
}
`;

const lineOf = (text: string, needle: string, from = 0) =>
  text.split("\n").findIndex((line, index) => index >= from && line.includes(needle)) + 1;

describe("declaredNames", () => {
  it.each([
    ["a subscription", SUB, []],
    ["a resource group", group("rg-loc-app"), ["rg-loc-app"]],
    ["an account", account("locappassets"), ["locappassets"]],
    ["a container", container("locappassets", "images"), ["locappassets", "default", "images"]],
    [
      "a role assignment on an account",
      assignment("locappassets"),
      ["locappassets", "0c9e5f4e-8d1f-5b7e-a2c4-3f6d8e9a1b2c"],
    ],
    ["a role assignment on a subscription", `${SUB}/providers/Microsoft.Authorization/roleAssignments/r1`, ["r1"]],
    ["a collection the audit could not list", `${SUB}/resourceGroups`, []],
  ])("%s", (_label, id, names) => {
    expect(declaredNames(id)).toEqual(names);
  });
});

describe("declarationRegion", () => {
  it.each([
    ["a group in a one-line list", TS, group("rg-loc-data"), 'name: "rg-loc-data"', 0],
    ["a multi-line account", TS, account("locappassets"), 'name: "locappassets"', 0],
    ["its container, on its own line", TS, container("locappassets", "downloads"), 'name: "downloads"', 0],
    [
      "a container of the same name in another account",
      TS,
      container("locdatalake", "images"),
      'containers: [{ name: "raw" }, { name: "images" }]',
      0,
    ],
    [
      "a role assignment: its account (the assignment's name is derived)",
      TS,
      assignment("locappassets"),
      'name: "locappassets"',
      0,
    ],
    ["a one-line account", TS, account("locsmall"), 'name: "locsmall"', 0],
    [
      "a container the one-line account does not declare: the account, not its sibling's",
      TS,
      container("locsmall", "nightly"),
      'name: "locsmall"',
      0,
    ],
    [
      "an identity, not fooled by displayName",
      TS,
      `${group("rg-loc-app")}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-loc-app`,
      'name: "id-loc-app"',
      0,
    ],
    ["another casing of the name", TS, account("LOCAPPASSETS"), 'name: "locappassets"', 0],
    ["a JSON group", JSON_FILE, group("rg-e2e-a"), '"name": "rg-e2e-a"', 0],
    ["a JSON container", JSON_FILE, container("e2eacct0", "data"), '"name": "data"', 0],
  ])("finds %s", (_label, text, id, needle, from) => {
    const line = lineOf(text, needle, from);
    const region = declarationRegion(text, id);
    expect(region?.startLine).toBe(line);
    expect(region?.endLine).toBe(line);
    // The region spans the name literal itself.
    const source = text.split("\n")[line - 1] ?? "";
    expect(source.slice((region?.startColumn ?? 0) - 1, (region?.endColumn ?? 0) - 1)).toMatch(/^"?name"?: "/);
  });

  it.each([
    ["an account the file does not declare", account("notdeclared")],
    ["a subscription", SUB],
    ["a name spelled only as another key's value", account("westeurope")],
  ])("finds nothing for %s", (_label, id) => {
    expect(declarationRegion(TS, id)).toBeUndefined();
  });
});

describe("environmentObjectRegion", () => {
  it.each([
    ["a TypeScript environment", TS, lineOf(TS, "defineEnvironment({")],
    ["a JSON environment", JSON_FILE, 1],
    ["an empty file", "", 1],
  ])("is the first line of %s", (_label, text, line) => {
    expect(environmentObjectRegion(text).startLine).toBe(line);
  });
});
