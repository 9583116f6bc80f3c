import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { canonicalOrAsSent } from "../../arm/enum-values.ts";
import { azureTimestamp } from "./azure-timestamp.ts";
import { isRecord } from "./json-record.ts";

export const MANAGEMENT_POLICY_TYPE = "Microsoft.Storage/storageAccounts/managementPolicies";

export function managementPolicyId(accountId: string): string {
  return `${accountId}/managementPolicies/default`;
}

/** The only policy name is `default`; the service reports it as `DefaultManagementPolicy`. */
export function checkPolicyName(name: string): void {
  if (name.toLowerCase() !== "default") {
    throw new ArmError(
      400,
      "InvalidManagementPolicyName",
      `The management policy name '${name}' is invalid; it must be 'default'.`,
    );
  }
}

export function buildManagementPolicy(accountId: string, body: unknown, now: Date): ArmResource {
  const properties = isRecord(body) && isRecord(body.properties) ? body.properties : undefined;
  if (!properties || !isRecord(properties.policy) || !Array.isArray(properties.policy.rules)) {
    throw new ArmError(
      400,
      "InvalidRequestContent",
      "The request content was invalid: 'properties.policy.rules' is required.",
    );
  }
  // A rule that does not say whether it is enabled is enabled, and its type reads back in canonical casing.
  const rules = properties.policy.rules.map((rule: unknown) =>
    isRecord(rule) ? { enabled: true, ...rule, type: canonicalOrAsSent(rule.type, ["Lifecycle"]) } : rule,
  );
  return {
    id: managementPolicyId(accountId),
    name: "DefaultManagementPolicy",
    type: MANAGEMENT_POLICY_TYPE,
    properties: { policy: { ...properties.policy, rules }, lastModifiedTime: azureTimestamp(now) },
  };
}
