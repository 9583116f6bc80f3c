import { type AdditionalPolicyConfig, type ArmClientOptions, armPipelinePolicies, type ReadPacer } from "@infra/auth";

/**
 * An ARM client's options for an audit with its own read pacer (tests and benchmarks read its stats): the caller's
 * options with the standard ARM policies (wire capture, read pacing) bound to that pacer instead of the process one.
 * Without a pacer of its own, an audit uses `azure.clientOptions` as they are.
 */
export function auditClientOptions(base: ArmClientOptions, pacer: ReadPacer): ArmClientOptions {
  const ours = armPipelinePolicies(pacer);
  const names = new Set(ours.map((entry) => entry.policy.name));
  const others: AdditionalPolicyConfig[] = base.additionalPolicies.filter((entry) => !names.has(entry.policy.name));
  return { ...base, additionalPolicies: [...others, ...ours] };
}
