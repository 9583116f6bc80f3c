import type { AzureContext } from "@infra/auth";
import { type Environment, resourceGroupsSection } from "@infra/environments";

/** What every kind of this repo is built from. */
export interface KindOptions {
  readonly azure: AzureContext;
  /** The environment the plan is for: ownership of tagless types and delete guards use it. */
  readonly environment: string;
  /**
   * The environment's resource group names. ARM refuses subscription-wide lists to an identity whose roles are on
   * these groups only; kinds then read group by group (list-wire-or-per-group.ts). Without them that refusal is fatal.
   */
  readonly resourceGroups?: readonly string[];
  /** Poll interval for long-running operations when ARM sends no Retry-After. Default: the SDK's (2 s). */
  readonly pollIntervalMs?: number;
}

/** What a task's kinds are built from, out of the task's context. */
export function kindOptionsFor(context: { azure: AzureContext; environment: Environment }): KindOptions {
  return {
    azure: context.azure,
    environment: context.environment.name,
    resourceGroups: resourceGroupsSection.of(context.environment).map((group) => group.name),
  };
}
