import type { AzureCloud } from "./clouds.ts";
import { requestTimeoutPolicy } from "./request-timeout-policy.ts";

/** Options of every credential that asks Entra ID: the cloud's authority, and each token request bounded in time. */
export function entraOptions(cloud: AzureCloud) {
  return {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: cloud.custom,
    additionalPolicies: [{ policy: requestTimeoutPolicy(), position: "perRetry" as const }],
  };
}
