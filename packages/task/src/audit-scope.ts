import { type AzureContext, connectAzure, listVisibleSubscriptions } from "@infra/auth";
import { CliError, ExitCode, type Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { commandEnvironment } from "./command-environment.ts";
import type { RootRun } from "./root-session.ts";
import type { AuditScope } from "./task-audit.ts";

export interface AuditScopeFlags {
  subscription?: readonly string[] | undefined;
  resourceGroup?: string | undefined;
}

/** An audit of a scope that is not there (a typo, a subscription the identity cannot see) would pass: it fails. */
export class AuditScopeNotFoundError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.failure);
    this.name = "AuditScopeNotFoundError";
  }
}

const listed = (names: readonly string[]) => (names.length === 0 ? "none" : names.join(", "));

/**
 * `--subscription` wins; else the environment's subscription; else every enabled subscription the identity can see
 * (an audit without an environment covers all of them). A named subscription must be one the identity sees, and a
 * named resource group must exist in one of the audited subscriptions: an audit of nothing is not a pass.
 */
export async function resolveAuditScope(
  flags: AuditScopeFlags,
  environment: Environment | undefined,
  azure: AzureContext,
  signal: AbortSignal,
): Promise<AuditScope> {
  let subscriptionIds: string[];
  const named = flags.subscription && flags.subscription.length > 0 ? [...new Set(flags.subscription)] : undefined;
  if (named || !environment) {
    const visible = await listVisibleSubscriptions(azure.credential, azure.clientOptions, signal);
    const enabled = visible.filter((entry) => entry.state === "Enabled").map((entry) => entry.subscriptionId);
    const missing = (named ?? []).filter((id) => !enabled.some((seen) => seen.toLowerCase() === id.toLowerCase()));
    if (missing.length > 0) {
      throw new AuditScopeNotFoundError(
        `subscription ${missing.join(", ")} is not one this identity can see (enabled: ${listed(enabled)}); check the id, or grant the identity Reader on it`,
      );
    }
    subscriptionIds = named ?? enabled;
  } else subscriptionIds = [environment.subscriptionId ?? azure.subscriptionId];
  if (flags.resourceGroup) {
    const wanted = flags.resourceGroup.toLowerCase();
    // Loaded only for `--resource-group`: its ARM client is one no audit needs otherwise.
    const { resourceGroupNames } = await import("@infra/arm/resource-group-names");
    const groups = (await Promise.all(subscriptionIds.map((id) => resourceGroupNames(azure, id, signal)))).flat();
    if (!groups.some((name) => name.toLowerCase() === wanted)) {
      throw new AuditScopeNotFoundError(
        `resource group ${flags.resourceGroup} does not exist in ${subscriptionIds.length === 1 ? `subscription ${subscriptionIds[0]}` : `${subscriptionIds.length} subscriptions`} (its groups: ${listed(groups.sort())})`,
      );
    }
  }
  return { subscriptionIds, resourceGroup: flags.resourceGroup, environment };
}

/**
 * A root command's audit, before any task reads: its Azure context (the process's credential, signed in once per run)
 * and the scope resolved and checked with it. `log` says who signed in, for a mode that has no task session to say it.
 */
export async function rootAuditScope(
  run: RootRun,
  flags: AuditScopeFlags,
  environment: Environment | undefined,
  log?: Logger,
): Promise<{ azure: AzureContext; scope: AuditScope }> {
  const azure = await connectAzure({
    task: "audit",
    env: commandEnvironment(run.flags, run.env),
    subscriptionId: environment?.subscriptionId ?? flags.subscription?.[0],
    log,
    abortSignal: run.signal,
  });
  return { azure, scope: await resolveAuditScope(flags, environment, azure, run.signal) };
}
