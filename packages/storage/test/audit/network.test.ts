import { describe, expect, it } from "vitest";
import {
  firewallDefaultDenyRule,
  privateEndpointRule,
  publicNetworkAccessRule,
  trustedServicesBypassRule,
} from "../../src/audit/rules/network.ts";
import { ABSENT, ACCOUNT_ID, account } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

function connection(status: string): unknown {
  return {
    id: `${ACCOUNT_ID}/privateEndpointConnections/pe-${status}`,
    name: `pe-${status}`,
    type: "Microsoft.Storage/storageAccounts/privateEndpointConnections",
    properties: {
      privateEndpoint: { id: "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/privateEndpoints/pe" },
      privateLinkServiceConnectionState: { status, description: "", actionRequired: "None" },
      provisioningState: "Succeeded",
    },
  };
}

describe("storage.public-network-access", () => {
  it.each([
    ["Disabled", { publicNetworkAccess: "Disabled" }, "selected-networks", "pass"],
    ["Disabled, private mode", { publicNetworkAccess: "Disabled" }, "private", "pass"],
    [
      "Enabled + Deny",
      { publicNetworkAccess: "Enabled", "networkAcls.defaultAction": "Deny" },
      "selected-networks",
      "pass",
    ],
    [
      "Enabled + Deny, private mode",
      { publicNetworkAccess: "Enabled", "networkAcls.defaultAction": "Deny" },
      "private",
      "fail",
    ],
    ["Enabled + Allow", { publicNetworkAccess: "Enabled" }, "selected-networks", "fail"],
    ["absent + Allow (the GetProperties example)", {}, "selected-networks", "fail"],
    ["absent + Deny", { "networkAcls.defaultAction": "Deny" }, "selected-networks", "pass"],
    ["absent networkAcls", { networkAcls: ABSENT }, "selected-networks", "fail"],
  ] as const)("%s in %s mode -> %s", (_label, patch, network, expected) => {
    expect(runRule(publicNetworkAccessRule, account(patch), {}, { network }).status).toBe(expected);
  });
});

describe("storage.firewall-default-deny", () => {
  it.each([
    ["Deny", { "networkAcls.defaultAction": "Deny" }, "pass"],
    ["Allow (the GetProperties example)", {}, "fail"],
    ["networkAcls absent (= Allow)", { networkAcls: ABSENT }, "fail"],
    ["Allow behind a disabled public endpoint", { publicNetworkAccess: "Disabled" }, "pass"],
  ])("%s -> %s", (_label, patch, expected) => {
    expect(runRule(firewallDefaultDenyRule, account(patch)).status).toBe(expected);
  });
});

describe("storage.trusted-services-bypass", () => {
  it.each([
    ["AzureServices", { "networkAcls.defaultAction": "Deny", "networkAcls.bypass": "AzureServices" }, "pass"],
    [
      "Logging, Metrics, AzureServices",
      { "networkAcls.defaultAction": "Deny", "networkAcls.bypass": "Logging, Metrics, AzureServices" },
      "pass",
    ],
    ["None", { "networkAcls.defaultAction": "Deny", "networkAcls.bypass": "None" }, "fail"],
    ["Logging only", { "networkAcls.defaultAction": "Deny", "networkAcls.bypass": "Logging" }, "fail"],
    ["absent (= AzureServices)", { "networkAcls.defaultAction": "Deny", "networkAcls.bypass": ABSENT }, "pass"],
    ["None but the firewall allows everything", { "networkAcls.bypass": "None" }, "not-applicable"],
  ])("bypass %s -> %s", (_label, patch, expected) => {
    expect(runRule(trustedServicesBypassRule, account(patch)).status).toBe(expected);
  });
});

describe("storage.private-endpoint", () => {
  it.each([
    ["an Approved connection", [connection("Approved")], "private", "pass"],
    ["Pending only (Prowler would count it)", [connection("Pending")], "private", "fail"],
    ["Rejected and Approved", [connection("Rejected"), connection("Approved")], "private", "pass"],
    ["no connections", [], "private", "fail"],
    ["property absent", ABSENT, "private", "fail"],
    ["no connections, selected-networks mode", [], "selected-networks", "not-applicable"],
  ] as const)("%s in %s mode -> %s", (_label, connections, network, expected) => {
    const finding = runRule(privateEndpointRule, account({ privateEndpointConnections: connections }), {}, { network });
    expect(finding.status).toBe(expected);
  });

  it("shows each connection's state as evidence", () => {
    const finding = runRule(
      privateEndpointRule,
      account({ privateEndpointConnections: [connection("Pending")] }),
      {},
      { network: "private" },
    );
    expect(finding.evidence).toEqual([
      {
        path: "properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState.status",
        actual: "Pending",
        expected: "Approved",
      },
    ]);
  });
});
