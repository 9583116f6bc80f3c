import { EnvironmentLock, lockHome, thisRun } from "@infra/arm";
import { connectAzure, describePrincipal } from "@infra/auth";
import type { Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";
import type { Plan } from "@infra/plan";
import type { ApplyLock, HeldLock } from "./apply-lock.ts";

export interface AzureApplyLockOptions {
  environment: Environment;
  /** `provision`, `destroy`: named to whoever finds the lock taken. */
  command: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  signal: AbortSignal;
}

/** Default lease: a crashed run's lock lapses within a minute. `INFRA_APPLY_LOCK_SECONDS` (15-60) shortens it. */
export function leaseSeconds(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.INFRA_APPLY_LOCK_SECONDS ?? 60);
  return Number.isInteger(seconds) && seconds >= 15 && seconds <= 60 ? seconds : 60;
}

const withDependencies = (plan: Plan, roots: readonly string[]): Set<string> => {
  const byAddress = new Map(plan.changes.map((change) => [change.address, change]));
  const found = new Set<string>();
  const visit = (address: string): void => {
    const change = byAddress.get(address);
    if (!change || found.has(address) || change.action === "no-op") return;
    found.add(address);
    for (const dependency of change.dependsOn) visit(dependency);
  };
  for (const root of roots) visit(root);
  return found;
};

/**
 * The environment's lock in Azure (see @infra/arm's EnvironmentLock), signed in for the root command alone: taking,
 * renewing and giving back the lease are the only calls the root command makes. Its place comes from the environment
 * and the subscription the tasks resolve, never from the plan being applied: a plan edited to name another
 * subscription is refused by the re-check, and must not move the lock.
 */
export async function azureApplyLock(options: AzureApplyLockOptions): Promise<ApplyLock> {
  const { environment } = options;
  const azure = await connectAzure({
    task: "apply-lock",
    env: options.env,
    subscriptionId: environment.subscriptionId,
    log: options.log,
    abortSignal: options.signal,
  });
  const home = lockHome(environment, azure.subscriptionId);
  const lock = home
    ? new EnvironmentLock({
        azure,
        environment: environment.name,
        home,
        leaseSeconds: leaseSeconds(options.env),
        log: options.log,
      })
    : undefined;
  const isHomeAccount = (id: string) => home !== undefined && id.toLowerCase() === home.accountId.toLowerCase();
  return {
    async prerequisites(approved, signal) {
      if (!lock || (await lock.homeExists(signal))) return new Set();
      // The home's account and everything under it (its service settings), with what they depend on (its group).
      const account = approved.changes.find((change) => isHomeAccount(change.id) && change.action === "create");
      if (!account) return new Set();
      const under = approved.changes.filter((change) => change.dependsOn.includes(account.address));
      return withDependencies(approved, [account.address, ...under.map((change) => change.address)]);
    },
    homeDeletes(approved) {
      return new Set(
        approved.changes
          .filter((change) => change.action === "delete" && isHomeAccount(change.id))
          .map((change) => change.address),
      );
    },
    async acquire(signal): Promise<HeldLock> {
      const lost = new AbortController();
      if (!lock) return { lost: lost.signal, release: async () => undefined };
      await lock.acquire(thisRun(describePrincipal(azure.identity), options.command, options.env), signal);
      lock.keepRenewing((error) => lost.abort(error));
      options.log.info(
        "holding the apply lock of %s (renewed every %d s while applying)",
        environment.name,
        Math.round(leaseSeconds(options.env) / 3),
      );
      let released: Promise<void> | undefined;
      return { lost: lost.signal, release: () => (released ??= lock.release()) };
    },
  };
}
