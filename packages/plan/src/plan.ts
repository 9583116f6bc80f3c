import type { WireObject } from "./desired-resource.ts";
import type { PropertyChange } from "./property-change.ts";

export const PLAN_VERSION = 1;

export type ChangeAction = "create" | "update" | "delete" | "no-op";

/** One decision about one resource, with everything apply needs to carry it out exactly. */
export interface PlanChange {
  readonly action: ChangeAction;
  /** The desired address; for a delete (no longer configured) the resource id. */
  readonly address: string;
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly task: string;
  /** Addresses this change waits for (deletes: none; their order comes from the id hierarchy). */
  readonly dependsOn: readonly string[];
  /** Desired wire properties, ownership tags included (create, update, no-op). */
  readonly properties?: WireObject;
  /** Property differences (update only). */
  readonly diff: readonly PropertyChange[];
  /** Hash of the live state this change was computed against; apply refuses if it moved. */
  readonly liveFingerprint: string;
  /** The live resource says its environment is protected: applying this needs the protected confirmation. */
  readonly protected?: true;
  /** Deletes only: what ARM deletes along with the resource, as listed under it when the plan was made. */
  readonly contents?: readonly PlanContent[];
}

/**
 * Something ARM deletes with its parent (a container in an account, a role assignment at its scope, a resource in a
 * group). A delete is planned only when each is owned by the plan's environment or is itself deleted by the plan.
 */
export interface PlanContent {
  readonly id: string;
  /** The ARM type, for the message: `Microsoft.Storage/storageAccounts/blobServices/containers`. */
  readonly type: string;
  /** Set when the content carries this repository's ownership stamp. */
  readonly owner?: { readonly environment: string; readonly task: string };
}

/** An owned resource that left the configuration but stays because `prune` was not set. */
export interface PlanOrphan {
  /** As a delete would be addressed; absent in plans saved before orphans had addresses. */
  readonly address?: string;
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly task: string;
}

export const PLAN_PROBLEM_CODES = [
  "unmanaged-conflict",
  "ownership-conflict",
  "forces-replacement",
  "unowned-contents",
] as const;

export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];

/** Something that makes the plan impossible to apply as configured; the message says what to do. */
export interface PlanProblem {
  readonly code: PlanProblemCode;
  readonly address: string;
  readonly id: string;
  readonly message: string;
}

/**
 * Something the plan could not check but that does not stop it (e.g. a preflight the identity may not run): shown with
 * the plan so the person confirming knows what Azure alone will decide during apply.
 */
export interface PlanNote {
  readonly address: string;
  readonly message: string;
}

export interface Plan {
  readonly version: typeof PLAN_VERSION;
  readonly environment: string;
  readonly subscriptionId: string;
  /** ISO time the live state was read. */
  readonly createdAt: string;
  readonly prune: boolean;
  /** Tasks whose owned resources this plan covers. */
  readonly tasks: readonly string[];
  readonly changes: readonly PlanChange[];
  readonly orphans: readonly PlanOrphan[];
  readonly problems: readonly PlanProblem[];
  /** Absent in plans that have none (and in plans saved before notes existed). */
  readonly notes?: readonly PlanNote[];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const count = (action: ChangeAction): number => plan.changes.filter((change) => change.action === action).length;
  return { create: count("create"), update: count("update"), delete: count("delete") };
}

/** `notes` only when there are some, so a plan without them reads and serializes as before notes existed. */
export function withNotes(notes: readonly PlanNote[]): Pick<Plan, "notes"> {
  return notes.length > 0 ? { notes } : {};
}

export function hasPendingChanges(plan: Plan): boolean {
  return plan.changes.some((change) => change.action !== "no-op");
}
