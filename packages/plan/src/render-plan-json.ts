import { type Plan, type PlanSummary, summarizePlan } from "./plan.ts";
import type { PropertyChange } from "./property-change.ts";
import { redactChange, redactProperties, rulesLookup } from "./redact.ts";
import type { KindRules } from "./resource-kind.ts";

export interface PlanJsonChange {
  readonly action: string;
  readonly address: string;
  readonly kind: string;
  readonly id: string;
  readonly task: string;
  readonly diff: readonly PropertyChange[];
  /** Desired properties of a create, secrets redacted. */
  readonly properties?: Record<string, unknown>;
}

export interface PlanJson {
  readonly environment: string;
  readonly subscriptionId: string;
  readonly createdAt: string;
  readonly summary: PlanSummary;
  readonly changes: readonly PlanJsonChange[];
  readonly orphans: Plan["orphans"];
  readonly problems: Plan["problems"];
  readonly notes: NonNullable<Plan["notes"]>;
}

/** The `--json` view of a plan: what a machine needs to decide, secrets redacted, no fingerprints. */
export function renderPlanJson(plan: Plan, kinds?: readonly KindRules[]): PlanJson {
  const rulesOf = rulesLookup(kinds);
  return {
    environment: plan.environment,
    subscriptionId: plan.subscriptionId,
    createdAt: plan.createdAt,
    summary: summarizePlan(plan),
    changes: plan.changes.map((change) => ({
      action: change.action,
      address: change.address,
      kind: change.kind,
      id: change.id,
      task: change.task,
      diff: change.diff.map((entry) => redactChange(entry, rulesOf(change.kind))),
      ...(change.action === "create" && change.properties
        ? { properties: redactProperties(change.properties, rulesOf(change.kind)) }
        : {}),
    })),
    orphans: plan.orphans,
    problems: plan.problems,
    notes: plan.notes ?? [],
  };
}
