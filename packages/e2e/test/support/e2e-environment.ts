import { SEED } from "@infra/emulator";

export const GROUPS = ["rg-e2e-a", "rg-e2e-b", "rg-e2e-c"] as const;

/** An environment of 3 groups and `accounts` storage accounts with containers and some data-plane role assignments. */
export function e2eEnvironment(accounts = 10, omit: readonly string[] = []) {
  return {
    name: "e2e",
    subscriptionId: SEED.subscription1,
    location: "westeurope",
    namingPrefix: "e2e",
    tags: { owner: "platform-team" },
    requiredTags: ["owner"],
    resourceGroups: GROUPS.map((name) => ({ name })),
    storage: {
      accounts: Array.from({ length: accounts }, (_, index) => ({
        name: `e2eacct${index}`,
        resourceGroup: GROUPS[index % GROUPS.length],
        containers: [{ name: "data" }, { name: "logs" }],
        roleAssignments:
          index % 3 === 0 ? [{ principalId: SEED.workload.objectId, role: "Storage Blob Data Reader" }] : [],
      })).filter((account) => !omit.includes(account.name)),
    },
  };
}
