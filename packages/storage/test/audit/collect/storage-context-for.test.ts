import type { ArmResource } from "@infra/audit/rules";
import { environmentSchemaFor } from "@infra/environments";
import { describe, expect, it } from "vitest";
import { storageContextFor } from "../../../src/audit/collect/storage-context-for.ts";
import { storageTask } from "../../../src/provision/task.ts";

const now = new Date("2026-01-15T00:00:00Z");
const environment = environmentSchemaFor(await storageTask.environmentSections()).parse({
  name: "prod",
  location: "westeurope",
  namingPrefix: "prd",
  protected: true,
  resourceGroups: [{ name: "rg-prd" }],
  storage: {
    accounts: [
      { name: "prdsealed", resourceGroup: "rg-prd", network: { publicNetworkAccess: "Disabled" } },
      { name: "prdopen", resourceGroup: "rg-prd" },
    ],
  },
});
const account = (name: string): ArmResource => ({ id: `/x/${name}`, name, type: "Microsoft.Storage/storageAccounts" });

describe("storageContextFor", () => {
  it.each([
    ["prdsealed", "private"],
    ["PRDSEALED", "private"],
    ["prdopen", "selected-networks"],
    ["legacydata001", "selected-networks"],
  ])("judges %s in %s network mode", (name, network) => {
    expect(storageContextFor(account(name), environment, now).network).toBe(network);
  });

  it("takes naming prefix and protection from the environment", () => {
    expect(storageContextFor(account("prdopen"), environment, now)).toMatchObject({
      namePrefix: "prd",
      protected: true,
    });
  });

  it("uses neutral defaults without an environment", () => {
    const context = storageContextFor(account("any"), undefined, now);
    expect(context).toMatchObject({ network: "selected-networks", protected: false, now });
    expect(context.namePrefix).toBeUndefined();
  });
});
