import type { PlanMismatch } from "./compare-plans.ts";
import { diffRulesOf } from "./diff-rules-of.ts";
import { PlanConfigError, StalePlanError } from "./errors.ts";
import { ABSENT_FINGERPRINT, liveFingerprint } from "./live-fingerprint.ts";
import type { LiveResource } from "./live-resource.ts";
import { tagsPathOf } from "./ownership.ts";
import type { Plan } from "./plan.ts";
import { readLiveState } from "./read-live-state.ts";
import type { ResourceKind } from "./resource-kind.ts";

/**
 * Re-reads live state (one read per kind in the plan) and checks every change's fingerprint, no-ops included.
 * Returns the fresh live resources by lower-cased id; throws StalePlanError listing every resource that moved.
 */
export async function verifyPlanCurrent(
  plan: Plan,
  kinds: ReadonlyMap<string, ResourceKind>,
  signal?: AbortSignal,
): Promise<Map<string, LiveResource>> {
  const missing = [...new Set(plan.changes.map((change) => change.kind))].filter((key) => !kinds.has(key));
  if (missing.length > 0) throw new PlanConfigError(missing.map((key) => `no ResourceKind registered for ${key}`));
  const idsByKind = new Map<string, string[]>();
  for (const change of plan.changes) idsByKind.set(change.kind, [...(idsByKind.get(change.kind) ?? []), change.id]);
  const live = await readLiveState({
    subscriptionId: plan.subscriptionId,
    environment: plan.environment,
    tasks: plan.tasks,
    kinds: [...idsByKind.keys()].map((key) => kinds.get(key)!),
    idsByKind,
    ...(signal ? { signal } : {}),
  });
  const liveById = new Map<string, LiveResource>();
  for (const resources of live.values())
    for (const resource of resources) liveById.set(resource.id.toLowerCase(), resource);

  const stale: PlanMismatch[] = [];
  for (const change of plan.changes) {
    const kind = kinds.get(change.kind)!;
    const current = liveById.get(change.id.toLowerCase());
    const fingerprint = liveFingerprint(current, change.properties, tagsPathOf(kind), diffRulesOf(kind));
    if (fingerprint === change.liveFingerprint) continue;
    const reason =
      change.liveFingerprint === ABSENT_FINGERPRINT
        ? "was created in Azure since the plan was made"
        : current === undefined
          ? "was deleted in Azure since the plan was made"
          : "changed in Azure since the plan was made";
    stale.push({ address: change.address, id: change.id, reason });
  }
  if (stale.length > 0) throw new StalePlanError(stale);
  return liveById;
}
