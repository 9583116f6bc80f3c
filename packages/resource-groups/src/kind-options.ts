import type { AzureContext } from "@infra/auth";

/** What every kind of this repo is built from. */
export interface KindOptions {
  readonly azure: AzureContext;
  /** The environment the plan is for: ownership of tagless types and delete guards use it. */
  readonly environment: string;
  /** Poll interval for long-running operations when ARM sends no Retry-After. Default: the SDK's (2 s). */
  readonly pollIntervalMs?: number;
}
