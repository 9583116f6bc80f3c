import { describe, expect, it } from "vitest";
import { diffProperties } from "../src/diff-properties.ts";
import type { PropertyChange } from "../src/property-change.ts";
import type { DiffRules } from "../src/resource-kind.ts";

const id = "/subscriptions/s1/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet/subnets/a";
const rules: DiffRules = { wholeMapPaths: ["tags"], unorderedArrayPaths: ["properties.networkAcls.ipRules"] };

interface Case {
  readonly label: string;
  readonly desired: Record<string, unknown>;
  readonly live: Record<string, unknown>;
  readonly expected: PropertyChange[];
}

describe("diffProperties", () => {
  it.each<Case>([
    {
      label: "server-computed and defaulted properties are ignored",
      desired: { sku: { name: "Standard_LRS" }, properties: { minimumTlsVersion: "TLS1_2" } },
      live: {
        id: "x",
        sku: { name: "Standard_LRS", tier: "Standard" },
        properties: { minimumTlsVersion: "TLS1_2", provisioningState: "Succeeded", primaryEndpoints: { blob: "b" } },
      },
      expected: [],
    },
    {
      label: "location casing and spaces do not matter",
      desired: { location: "West Europe" },
      live: { location: "westeurope" },
      expected: [],
    },
    {
      label: "a different location is a change",
      desired: { location: "westeurope" },
      live: { location: "northeurope" },
      expected: [{ path: "location", before: "northeurope", after: "westeurope" }],
    },
    {
      label: "resource ids compare case-insensitively",
      desired: { properties: { subnet: { id } } },
      live: { properties: { subnet: { id: id.toUpperCase() } } },
      expected: [],
    },
    {
      label: "other strings are case-sensitive",
      desired: { properties: { accessTier: "Hot" } },
      live: { properties: { accessTier: "hot" } },
      expected: [{ path: "properties.accessTier", before: "hot", after: "Hot" }],
    },
    {
      label: "a nested property change names its full path",
      desired: { properties: { networkAcls: { defaultAction: "Deny" } } },
      live: { properties: { networkAcls: { defaultAction: "Allow", bypass: "AzureServices" } } },
      expected: [{ path: "properties.networkAcls.defaultAction", before: "Allow", after: "Deny" }],
    },
    {
      label: "a property missing live is a change from unset",
      desired: { properties: { allowSharedKeyAccess: false } },
      live: { properties: {} },
      expected: [{ path: "properties.allowSharedKeyAccess", before: undefined, after: false }],
    },
    {
      label: "tags replace as a whole: an extra live tag is a change",
      desired: { tags: { env: "dev" } },
      live: { tags: { env: "dev", owner: "someone" } },
      expected: [{ path: "tags", before: { env: "dev", owner: "someone" }, after: { env: "dev" } }],
    },
    {
      label: "tag keys are case-insensitive, values are not",
      desired: { tags: { Env: "dev" } },
      live: { tags: { env: "dev" } },
      expected: [],
    },
    {
      label: "a tag value in another casing is a change",
      desired: { tags: { env: "dev" } },
      live: { tags: { env: "Dev" } },
      expected: [{ path: "tags", before: { env: "Dev" }, after: { env: "dev" } }],
    },
    {
      label: "unordered arrays compare as sets, elements by their desired paths",
      desired: { properties: { networkAcls: { ipRules: [{ value: "1.1.1.1" }, { value: "2.2.2.2" }] } } },
      live: {
        properties: {
          networkAcls: {
            ipRules: [
              { value: "2.2.2.2", action: "Allow" },
              { value: "1.1.1.1", action: "Allow" },
            ],
          },
        },
      },
      expected: [],
    },
    {
      label: "ordered arrays are a change when reordered",
      desired: { properties: { corsOrigins: ["a", "b"] } },
      live: { properties: { corsOrigins: ["b", "a"] } },
      expected: [{ path: "properties.corsOrigins", before: ["b", "a"], after: ["a", "b"] }],
    },
    {
      label: "a set with a different member is a change",
      desired: { properties: { networkAcls: { ipRules: [{ value: "1.1.1.1" }] } } },
      live: { properties: { networkAcls: { ipRules: [{ value: "9.9.9.9" }] } } },
      expected: [
        {
          path: "properties.networkAcls.ipRules",
          before: [{ value: "9.9.9.9" }],
          after: [{ value: "1.1.1.1" }],
        },
      ],
    },
    {
      label: "null desired means unset and matches a missing value",
      desired: { properties: { immutableStorageWithVersioning: null } },
      live: { properties: {} },
      expected: [],
    },
  ])("$label", ({ desired, live, expected }) => {
    expect(diffProperties(desired, live, rules)).toEqual(expected);
  });

  it("compares enum values case-insensitively where a kind says ARM does", () => {
    const desired = { properties: { minimumTlsVersion: "TLS1_2" } };
    const live = { properties: { minimumTlsVersion: "tls1_2" } };
    expect(diffProperties(desired, live, {})).toHaveLength(1);
    expect(diffProperties(desired, live, { caseInsensitivePaths: ["properties.minimumTlsVersion"] })).toEqual([]);
  });
});
