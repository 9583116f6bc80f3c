import type { ArmRoute } from "./contract.ts";

/** One entry of a resource provider's `GET /providers/{namespace}/operations`. */
export interface ProviderOperation {
  name: string;
  display: { provider: string; resource: string; operation: string; description: string };
  origin?: string;
}

/** The tenant-level operations list every resource provider serves (no subscription, any signed-in caller). */
export function operationsListRoute(namespace: string, operations: readonly ProviderOperation[]): ArmRoute {
  return {
    method: "GET",
    pattern: `/providers/${namespace}/operations`,
    action: "",
    handle: () => ({ status: 200, body: { value: operations } }),
  };
}
