import { type ArmResource, ROLE_IDS, SEED, type SeedInput } from "@infra/emulator";

/** Subscription ids of the bench estate: the seed's two plus two more in the same tenant. */
export function estateSubscriptions(count: number): string[] {
  const extra = Array.from(
    { length: Math.max(0, count - 2) },
    (_, index) => `b0000000-0000-4000-8000-${String(index + 3).padStart(12, "0")}`,
  );
  return [SEED.subscription1, SEED.subscription2, ...extra].slice(0, count);
}

/**
 * `POST /_emulator/seed` body: the extra subscriptions (ops is Owner there, as on the seed's two) and, in each, one
 * group `rg-bench` holding `accountsPerSubscription` StorageV2 accounts. Seeding through the control API takes
 * milliseconds where creating 2,000 accounts through ARM's write limits would take minutes.
 */
export function estateSeed(subscriptionIds: readonly string[], accountsPerSubscription: number): SeedInput {
  const extra = subscriptionIds.filter((id) => id !== SEED.subscription1 && id !== SEED.subscription2);
  const resources: ArmResource[] = [];
  extra.forEach((subscriptionId, index) => {
    const scope = `/subscriptions/${subscriptionId}`;
    const name = `b1000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;
    resources.push({
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      type: "Microsoft.Authorization/roleAssignments",
      properties: {
        roleDefinitionId: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.owner}`,
        principalId: SEED.ops.objectId,
        principalType: "ServicePrincipal",
        scope,
      },
    });
  });
  subscriptionIds.forEach((subscriptionId, subscriptionIndex) => {
    const groupId = `/subscriptions/${subscriptionId}/resourceGroups/rg-bench`;
    resources.push({
      id: groupId,
      name: "rg-bench",
      type: "Microsoft.Resources/resourceGroups",
      location: SEED.location,
      properties: { provisioningState: "Succeeded" },
    });
    for (let index = 0; index < accountsPerSubscription; index++) {
      const name = `bench${subscriptionIndex}x${String(index).padStart(5, "0")}`;
      resources.push({
        id: `${groupId}/providers/Microsoft.Storage/storageAccounts/${name}`,
        name,
        type: "Microsoft.Storage/storageAccounts",
        location: SEED.location,
        kind: "StorageV2",
        sku: { name: "Standard_LRS", tier: "Standard" },
        properties: { provisioningState: "Succeeded", minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false },
      });
    }
  });
  return {
    subscriptions: extra.map((subscriptionId, index) => ({
      subscriptionId,
      tenantId: SEED.tenantId,
      displayName: `acme-bench-${index + 3}`,
      state: "Enabled" as const,
    })),
    resources,
  };
}
