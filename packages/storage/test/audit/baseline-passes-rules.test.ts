import { type ArmResource, evaluateRules, readable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { storageAuditContext } from "../../src/audit/storage-audit-context.ts";
import { storageRules } from "../../src/audit/storage-rules.ts";
import {
  blobServiceBaseline,
  containerBaseline,
  fileServiceBaseline,
  protectedAccountLockBaseline,
  type StorageNetworkMode,
  storageAccountBaseline,
} from "../../src/baseline.ts";
import { ACCOUNT_ID, NOW } from "./arm-fixtures.ts";

const id = ACCOUNT_ID.replace("sto8596", "stproddata01");

/** What ARM returns after the provisioner applied the baseline: the baseline plus the fields ARM adds itself. */
function provisionedAccount(network: StorageNetworkMode, sku: string): ArmResource {
  const body = storageAccountBaseline(network);
  return {
    id,
    name: "stproddata01",
    type: "Microsoft.Storage/storageAccounts",
    location: "westeurope",
    sku: { name: sku, tier: "Standard" },
    tags: { "managed-by": "infra", environment: "prod", task: "storage" },
    kind: body.kind,
    properties: {
      ...structuredClone(body.properties),
      creationTime: "2026-11-20T08:00:00.0000000Z",
      keyCreationTime: { key1: "2026-11-20T08:00:00.0000000Z", key2: "2026-11-20T08:00:00.0000000Z" },
      provisioningState: "Succeeded",
      privateEndpointConnections:
        network === "private"
          ? [{ name: "pe", properties: { privateLinkServiceConnectionState: { status: "Approved" } } }]
          : [],
    },
  };
}

function service(kind: string, baseline: { properties: object }): unknown {
  return {
    id: `${id}/${kind}/default`,
    name: "default",
    type: `Microsoft.Storage/storageAccounts/${kind}`,
    ...structuredClone(baseline),
  };
}

const related = {
  blobService: readable(service("blobServices", blobServiceBaseline)),
  fileService: readable(service("fileServices", fileServiceBaseline)),
  containers: readable([
    { id: `${id}/blobServices/default/containers/data`, name: "data", ...structuredClone(containerBaseline) },
  ]),
  locks: readable([
    {
      id: `${id}/providers/Microsoft.Authorization/locks/${protectedAccountLockBaseline.name}`,
      ...protectedAccountLockBaseline,
    },
  ]),
};

describe("what we provision passes our own audit", () => {
  const keyRules = ["storage.access-key-age", "storage.key-expiration-policy", "storage.sas-expiration-policy"];
  it.each([
    [
      "dev: selected networks, LRS",
      { network: "selected-networks", protected: false },
      "Standard_LRS",
      [
        ...keyRules,
        "storage.customer-managed-keys",
        "storage.delete-lock",
        "storage.geo-redundancy",
        "storage.private-endpoint",
      ],
    ],
    [
      "prod: private, protected, geo-redundant, prefixed",
      { network: "private", protected: true, requireGeoRedundancy: true, namePrefix: "stprod" },
      "Standard_GZRS",
      [...keyRules, "storage.customer-managed-keys"],
    ],
    [
      "prod with selected networks",
      { network: "selected-networks", protected: true },
      "Standard_ZRS",
      [...keyRules, "storage.customer-managed-keys", "storage.geo-redundancy", "storage.private-endpoint"],
    ],
  ] as const)("%s: every rule passes or is not applicable by design", (_label, settings, sku, notApplicable) => {
    const context = storageAuditContext({ now: NOW, ...settings });
    const findings = evaluateRules(
      storageRules,
      [{ resource: provisionedAccount(settings.network, sku), related }],
      context,
    );
    expect(findings).toHaveLength(storageRules.length);
    expect(findings.filter((finding) => finding.status !== "pass" && finding.status !== "not-applicable")).toEqual([]);
    const skipped = findings.filter((finding) => finding.status === "not-applicable").map((finding) => finding.ruleId);
    expect(skipped.sort()).toEqual([...notApplicable].sort());
  });

  it("the check can fail: the same account with one baseline setting reverted fails exactly that rule", () => {
    const resource = provisionedAccount("selected-networks", "Standard_LRS");
    const properties = { ...resource.properties, minimumTlsVersion: "TLS1_0" };
    const findings = evaluateRules(
      storageRules,
      [{ resource: { ...resource, properties }, related }],
      storageAuditContext({ now: NOW }),
    );
    expect(findings.filter((finding) => finding.status === "fail").map((finding) => finding.ruleId)).toEqual([
      "storage.minimum-tls",
    ]);
  });
});
