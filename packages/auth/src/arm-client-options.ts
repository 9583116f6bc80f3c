import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { AzureCloud } from "./clouds.ts";
import { operationTrackingPolicy } from "./operation-tracking.ts";
import { ReadPacer } from "./read-pacer.ts";
import { readPacingPolicy } from "./read-pacing-policy.ts";
import { requestTimeoutPolicy } from "./request-timeout-policy.ts";
import { wireCapturePolicy } from "./wire-capture.ts";

/** The shape both client generations take in `additionalPolicies`. */
export interface AdditionalPolicyConfig {
  policy: PipelinePolicy;
  position: "perCall" | "perRetry";
}

/**
 * Options every ARM client takes, whichever generation: modular clients (arm-resources 8, arm-storage 21) read
 * `endpoint` and `credentials.scopes`; core-client ones (arm-authorization 9, arm-msi 2) read `endpoint` and
 * `credentialScopes` and would otherwise ask for `<endpoint>/.default`. Both read `retryOptions`, `userAgentOptions`
 * and `additionalPolicies`.
 */
export interface ArmClientOptions {
  endpoint: string;
  credentialScopes: string[];
  credentials: { scopes: string[] };
  retryOptions: { maxRetries: number; retryDelayInMs: number; maxRetryDelayInMs: number };
  userAgentOptions: { userAgentPrefix: string };
  additionalPolicies: AdditionalPolicyConfig[];
}

/** The user-agent prefix: this repo, then the task, so ARM logs and throttling data say who called. */
export function userAgentPrefix(task: string): string {
  return `azure-infra-ops/${task.replace(/[^A-Za-z0-9._-]/g, "-") || "unknown"}`;
}

/**
 * ARM counts reads per subscription and principal, not per client: one pacer for every client of this process, so
 * a plan or an audit that reads hundreds of resources slows down before the bucket is empty instead of being
 * throttled and retried into.
 */
export const processReadPacer = new ReadPacer();

/**
 * Read pacing and a time bound (per retry: each attempt), wire capture and operation tracking (per call: the final
 * answer only).
 */
export function armPipelinePolicies(pacer: ReadPacer = processReadPacer): AdditionalPolicyConfig[] {
  return [
    { policy: wireCapturePolicy(), position: "perCall" },
    { policy: operationTrackingPolicy(), position: "perCall" },
    { policy: readPacingPolicy(pacer), position: "perRetry" },
    { policy: requestTimeoutPolicy(), position: "perRetry" },
  ];
}

export function armClientOptions(
  cloud: AzureCloud,
  task: string,
  pacer: ReadPacer = processReadPacer,
): ArmClientOptions {
  return {
    endpoint: cloud.resourceManagerEndpoint,
    credentialScopes: [cloud.resourceManagerScope],
    credentials: { scopes: [cloud.resourceManagerScope] },
    // The pipeline's own retry (429 honours Retry-After; 5xx and resets back off). 6, not the default 3: with 20% of
    // requests failing transiently, 7 attempts leave ~1 in 80,000 requests failed, so a provision converges in one
    // run (packages/protections test/transient-faults.test.ts); 4 left ~1 in 3,000, one provision in ~100 failing.
    retryOptions: { maxRetries: 6, retryDelayInMs: 800, maxRetryDelayInMs: 30_000 },
    userAgentOptions: { userAgentPrefix: userAgentPrefix(task) },
    additionalPolicies: armPipelinePolicies(pacer),
  };
}
