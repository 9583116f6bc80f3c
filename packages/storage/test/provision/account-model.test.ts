import { describe, expect, it } from "vitest";
import { storageAccountPropertiesBaseline } from "../../src/baseline.ts";
import { accountCreateModel, accountPatchModel, accountPropertiesToModel } from "../../src/provision/account-model.ts";
import { UnmappedPropertyError } from "../../src/provision/unmapped-property-error.ts";

describe("wire -> arm-storage model", () => {
  it.each([
    [{ supportsHttpsTrafficOnly: true }, { enableHttpsTrafficOnly: true }],
    [{ isNfsV3Enabled: false }, { enableNfsV3: false }],
    [
      { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24", action: "Allow" }] } },
      { networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }] } },
    ],
    [{ minimumTlsVersion: "TLS1_2" }, { minimumTlsVersion: "TLS1_2" }],
  ])("maps %j to %j", (wire, model) => {
    expect(accountPropertiesToModel(wire)).toEqual(model);
  });

  it("maps every property of the baseline (nothing would be silently dropped by the SDK)", () => {
    expect(() => accountPropertiesToModel(storageAccountPropertiesBaseline)).not.toThrow();
  });

  it.each([
    ["properties.routingPreference", { routingPreference: {} }],
    ["properties.encryption.identity", { encryption: { identity: {} } }],
  ])("refuses %s, which it has no mapping for", (path, wire) => {
    expect(() => accountPropertiesToModel(wire)).toThrow(UnmappedPropertyError);
    expect(() => accountPropertiesToModel(wire)).toThrow(path);
  });

  it("builds a create body with sku, kind, location and tags at the top", () => {
    const model = accountCreateModel({
      location: "westeurope",
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
      tags: { a: "b" },
      properties: { allowSharedKeyAccess: false },
    });
    expect(model).toEqual({
      location: "westeurope",
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
      tags: { a: "b" },
      allowSharedKeyAccess: false,
    });
  });

  it("patches only the top-level settings a diff touched, never the creation-only encryption", () => {
    const wire = {
      tags: { a: "b" },
      sku: { name: "Standard_LRS" },
      properties: { ...storageAccountPropertiesBaseline, networkAcls: { defaultAction: "Deny", ipRules: [] } },
    };
    expect(accountPatchModel(wire, ["properties.networkAcls.ipRules", "tags"])).toEqual({
      tags: { a: "b" },
      networkRuleSet: { defaultAction: "Deny", ipRules: [] },
    });
  });
});
