import { ABSENT_FINGERPRINT, canonicalJson } from "./live-fingerprint.ts";
import type { Plan, PlanChange } from "./plan.ts";

/** One way an approved plan differs from what the configuration and Azure produce now. */
export interface PlanMismatch {
  readonly address: string;
  readonly id: string;
  readonly reason: string;
}

/**
 * The approved plan (shown and confirmed, or saved with `plan --out`) against a fresh plan of the same configuration
 * made just before writing. Nothing in the approved plan is trusted: each change must be exactly what the fresh plan
 * holds (action, target, desired properties, diff, dependencies) and rest on the same live state (fingerprint);
 * no change may be missing from either side, and both must target the same environment and subscription.
 * Changes this run already applied (the lock's home, on an environment's first apply) are not compared again.
 * An empty list means the approved plan is what would be applied anyway.
 */
export function comparePlans(
  approved: Plan,
  fresh: Plan,
  /** Changes of the approved plan this run has already applied: the fresh plan may show anything for them. */
  applied: ReadonlySet<string> = new Set(),
): PlanMismatch[] {
  const mismatches: PlanMismatch[] = [];
  if (approved.environment !== fresh.environment) {
    mismatches.push(planLevel(`made for environment "${approved.environment}", not "${fresh.environment}"`));
  }
  if (approved.subscriptionId.toLowerCase() !== fresh.subscriptionId.toLowerCase()) {
    mismatches.push(
      planLevel(`made for subscription ${approved.subscriptionId}, but the environment is in ${fresh.subscriptionId}`),
    );
  }
  const freshByAddress = new Map(fresh.changes.map((change) => [change.address, change]));
  const seen = new Set<string>();
  for (const change of approved.changes) {
    seen.add(change.address);
    if (applied.has(change.address)) continue;
    const now = freshByAddress.get(change.address);
    const reason = now ? differenceOf(change, now) : missingReason(change);
    if (reason) mismatches.push({ address: change.address, id: change.id, reason });
  }
  for (const change of fresh.changes) {
    if (seen.has(change.address) || change.action === "no-op") continue;
    mismatches.push({
      address: change.address,
      id: change.id,
      reason: `is not in the plan: the configuration and Azure now call for ${article(change.action)}`,
    });
  }
  return mismatches;
}

function planLevel(reason: string): PlanMismatch {
  return { address: "(plan)", id: "", reason };
}

function missingReason(change: PlanChange): string | undefined {
  if (change.action === "no-op") return undefined;
  return change.action === "delete"
    ? "is not a delete this environment may make now (not owned by it, not there, or still configured)"
    : "is not what the configuration produces (edited, or the configuration changed)";
}

const article = (action: string): string => `${/^[aeiou]/.test(action) ? "an" : "a"} ${action}`;

function differenceOf(approved: PlanChange, now: PlanChange): string | undefined {
  if (approved.kind !== now.kind || approved.id.toLowerCase() !== now.id.toLowerCase()) {
    return `targets ${approved.id}, but the configuration's ${now.address} is ${now.id}`;
  }
  if (approved.liveFingerprint !== now.liveFingerprint) {
    if (approved.liveFingerprint === ABSENT_FINGERPRINT) return "was created in Azure since the plan was made";
    if (now.liveFingerprint === ABSENT_FINGERPRINT) return "was deleted in Azure since the plan was made";
    return "changed in Azure since the plan was made";
  }
  const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const edited =
    approved.action !== now.action ||
    approved.task !== now.task ||
    !same(approved.properties, now.properties) ||
    !same(approved.diff, now.diff) ||
    !same([...approved.dependsOn].sort(), [...now.dependsOn].sort());
  if (edited) {
    const action =
      approved.action === now.action
        ? ""
        : `: the configuration gives ${article(now.action)}, the plan says ${article(approved.action)}`;
    return `is not what the configuration produces (edited, or the configuration changed)${action}`;
  }
  return undefined;
}
