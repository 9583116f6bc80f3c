import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { ReadPacer } from "./read-pacer.ts";
import { readPacingPolicy } from "./read-pacing-policy.ts";
import { wireCapturePolicy } from "./wire-capture.ts";

/** The shape both client generations take in `additionalPolicies` (each package declares its own copy). */
export interface AdditionalPolicyConfig {
  policy: PipelinePolicy;
  position: "perCall" | "perRetry";
}

/**
 * An ARM client's options for an audit: the caller's (endpoint, scopes, retries) plus read pacing and wire capture.
 * `additionalPolicies` is read by both client generations (modular arm-storage 21 / arm-resources 8 and core-client
 * arm-authorization 9 / arm-locks 2). Pacing sits per retry so each attempt is paced; capture per call so it keeps
 * only the final answer.
 */
export function auditClientOptions<T extends object>(
  base: T,
  pacer: ReadPacer,
): T & { additionalPolicies: AdditionalPolicyConfig[] } {
  return {
    ...base,
    additionalPolicies: [
      ...((base as { additionalPolicies?: AdditionalPolicyConfig[] }).additionalPolicies ?? []),
      { policy: wireCapturePolicy(), position: "perCall" },
      { policy: readPacingPolicy(pacer), position: "perRetry" },
    ],
  };
}
