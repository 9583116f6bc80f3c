import type { AzureCloud } from "./clouds.ts";

/**
 * Options every ARM client takes, whichever generation: modular clients (arm-resources 8, arm-storage 21) read
 * `endpoint` and `credentials.scopes`; core-client ones (arm-authorization 9, arm-msi 2) read `endpoint` and
 * `credentialScopes` and would otherwise ask for `<endpoint>/.default`. Both read `retryOptions` and `userAgentOptions`.
 */
export interface ArmClientOptions {
  endpoint: string;
  credentialScopes: string[];
  credentials: { scopes: string[] };
  retryOptions: { maxRetries: number; retryDelayInMs: number; maxRetryDelayInMs: number };
  userAgentOptions: { userAgentPrefix: string };
}

/** The user-agent prefix: this repo, then the task, so ARM logs and throttling data say who called. */
export function userAgentPrefix(task: string): string {
  return `azure-infra-ops/${task.replace(/[^A-Za-z0-9._-]/g, "-") || "unknown"}`;
}

export function armClientOptions(cloud: AzureCloud, task: string): ArmClientOptions {
  return {
    endpoint: cloud.resourceManagerEndpoint,
    credentialScopes: [cloud.resourceManagerScope],
    credentials: { scopes: [cloud.resourceManagerScope] },
    // The pipeline's own retry (429 honours Retry-After; 5xx back off); a little more patience than the default 3.
    retryOptions: { maxRetries: 4, retryDelayInMs: 800, maxRetryDelayInMs: 30_000 },
    userAgentOptions: { userAgentPrefix: userAgentPrefix(task) },
  };
}
