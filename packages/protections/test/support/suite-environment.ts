import { lockHome } from "@infra/arm";
import { SEED } from "@infra/emulator";

/**
 * A small environment: `groups` resource groups and `accounts` storage accounts (two containers each; every third a
 * data-plane role assignment). Each suite passes its own `name`: the environment lock is keyed on it, and suites run
 * in parallel against their own emulators.
 */
export function suiteEnvironment(name: string, options: { accounts?: number; roleAssignments?: boolean } = {}) {
  const prefix = name.replace(/[^a-z0-9]/g, "").slice(0, 8);
  const groups = [`rg-${name}-a`, `rg-${name}-b`];
  return {
    name,
    subscriptionId: SEED.subscription1,
    location: "westeurope",
    namingPrefix: prefix,
    tags: { owner: "platform-team" },
    requiredTags: ["owner"],
    resourceGroups: groups.map((group) => ({ name: group })),
    storage: {
      accounts: Array.from({ length: options.accounts ?? 3 }, (_, index) => ({
        name: `${prefix}acct${index}`,
        resourceGroup: groups[index % groups.length] as string,
        containers: [{ name: "data" }, { name: "logs" }],
        roleAssignments:
          options.roleAssignments !== false && index % 3 === 0
            ? [{ principalId: SEED.workload.objectId, role: "Storage Blob Data Reader" as const }]
            : [],
      })),
    },
  };
}

/** The environment's lock account (see @infra/arm): the storage task provisions it beside the declared accounts. */
export function lockAccountName(environment: ReturnType<typeof suiteEnvironment>): string {
  return lockHome(environment, environment.subscriptionId)?.accountName ?? "";
}

/** Every account an apply of `environment` leaves: the declared ones and its lock account, sorted. */
export function provisionedAccountNames(environment: ReturnType<typeof suiteEnvironment>): string[] {
  return [...environment.storage.accounts.map((account) => account.name), lockAccountName(environment)].sort();
}
