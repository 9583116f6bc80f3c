import { ownershipTags } from "../src/ownership.ts";
import type { Plan, PlanChange } from "../src/plan.ts";
import { accountId, groupId } from "./in-memory-kind.ts";

const base = { task: "storage", dependsOn: [], diff: [], liveFingerprint: "sha256:0" } as const;

export const createChange: PlanChange = {
  ...base,
  action: "create",
  address: 'storage.account["stdemo01"]',
  kind: "Microsoft.Storage/storageAccounts",
  id: accountId("rg-app", "stdemo01"),
  name: "stdemo01",
  properties: {
    location: "westeurope",
    sku: { name: "Standard_LRS" },
    tags: ownershipTags("dev", "storage"),
    properties: {
      minimumTlsVersion: "TLS1_2",
      allowSharedKeyAccess: false,
      azureFilesIdentityBasedAuthentication: { sasToken: "sv=2026&sig=abc" },
    },
  },
};

export const updateChange: PlanChange = {
  ...base,
  action: "update",
  address: 'storage.account["stdemo02"]',
  kind: "Microsoft.Storage/storageAccounts",
  id: accountId("rg-app", "stdemo02"),
  name: "stdemo02",
  properties: {},
  diff: [
    { path: "properties.minimumTlsVersion", before: "TLS1_0", after: "TLS1_2" },
    { path: "properties.encryption.keyvaultproperties.clientSecret", before: "old-secret", after: "new-secret" },
    { path: "tags", before: { env: "dev" }, after: { env: "dev", owner: "ops" } },
  ],
};

export const deleteChange: PlanChange = {
  ...base,
  action: "delete",
  address: 'storage.account["stold01"]',
  kind: "Microsoft.Storage/storageAccounts",
  id: accountId("rg-app", "stold01"),
  name: "stold01",
  contents: [
    {
      id: `${accountId("rg-app", "stold01")}/blobServices/default/containers/logs`,
      type: "Microsoft.Storage/storageAccounts/blobServices/containers",
      owner: { environment: "dev", task: "storage" },
    },
  ],
};

export const noOpChange: PlanChange = {
  ...base,
  action: "no-op",
  address: 'groups.group["rg-app"]',
  kind: "Microsoft.Resources/resourceGroups",
  id: groupId("rg-app"),
  name: "rg-app",
  task: "groups",
};

export function samplePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    version: 1,
    environment: "dev",
    subscriptionId: "00000000-0000-0000-0000-000000000001",
    createdAt: "2026-11-26T10:00:00.000Z",
    prune: true,
    tasks: ["groups", "storage"],
    changes: [noOpChange, createChange, updateChange, deleteChange],
    orphans: [],
    problems: [],
    ...overrides,
  };
}
