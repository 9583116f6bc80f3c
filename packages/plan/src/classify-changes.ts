import type { DesiredResource } from "./desired-resource.ts";
import { diffProperties } from "./diff-properties.ts";
import { diffRulesOf } from "./diff-rules-of.ts";
import { liveFingerprint } from "./live-fingerprint.ts";
import type { LiveResource } from "./live-resource.ts";
import { isManagedByUs, isOwnedBy, ownershipTags, readOwnership, tagsPathOf } from "./ownership.ts";
import type { PlanChange, PlanOrphan, PlanProblem } from "./plan.ts";
import { isAtOrUnder } from "./property-path.ts";
import type { ResourceKind } from "./resource-kind.ts";

export interface ClassifyInput {
  readonly environment: string;
  readonly tasks: readonly string[];
  readonly prune: boolean;
  /** Desired resources with ownership tags already stamped. */
  readonly desired: readonly DesiredResource[];
  /** Everything the kinds returned, by kind key. */
  readonly live: ReadonlyMap<string, readonly LiveResource[]>;
  readonly kinds: ReadonlyMap<string, ResourceKind>;
}

export interface Classification {
  readonly changes: PlanChange[];
  readonly orphans: PlanOrphan[];
  readonly problems: PlanProblem[];
}

/** The pure heart of planning: desired + live -> create / update / no-op / delete, orphans and problems. */
export function classifyChanges(input: ClassifyInput): Classification {
  const result: Classification = { changes: [], orphans: [], problems: [] };
  const desiredIds = new Set(input.desired.map((resource) => resource.id.toLowerCase()));
  const liveById = new Map<string, LiveResource>();
  for (const resources of input.live.values()) {
    for (const resource of resources) {
      if (!liveById.has(resource.id.toLowerCase())) liveById.set(resource.id.toLowerCase(), resource);
    }
  }

  for (const desired of input.desired) {
    const kind = requireKind(input.kinds, desired.kind);
    classifyDesired(desired, kind, liveById.get(desired.id.toLowerCase()), input, result);
  }

  for (const [kindKey, resources] of input.live) {
    const kind = requireKind(input.kinds, kindKey);
    for (const live of resources) {
      if (desiredIds.has(live.id.toLowerCase())) continue;
      const ownership = readOwnership(kind, live);
      // Unowned neighbours (brownfield, other environments) are none of this plan's business.
      if (!ownership || !isOwnedBy(ownership, input.environment, input.tasks)) continue;
      const address = kind.addressOf?.(live, ownership) ?? live.id;
      const orphan = { kind: kindKey, id: live.id, name: nameOf(live.id), task: ownership.task, address };
      if (!input.prune) {
        result.orphans.push(orphan);
        continue;
      }
      const fingerprint = liveFingerprint(live, undefined, tagsPathOf(kind), diffRulesOf(kind));
      result.changes.push({
        ...orphan,
        action: "delete",
        address,
        dependsOn: [],
        diff: [],
        liveFingerprint: fingerprint,
        ...(ownership.protected ? { protected: true as const } : {}),
      });
    }
  }
  return result;
}

function classifyDesired(
  desired: DesiredResource,
  kind: ResourceKind,
  live: LiveResource | undefined,
  input: ClassifyInput,
  result: Classification,
): void {
  const rules = diffRulesOf(kind);
  const base = {
    address: desired.address,
    kind: desired.kind,
    id: desired.id,
    name: desired.name,
    task: desired.task,
    dependsOn: desired.dependsOn,
    properties: desired.properties,
    liveFingerprint: liveFingerprint(live, desired.properties, tagsPathOf(kind), rules),
  };
  if (live === undefined) {
    result.changes.push({ ...base, action: "create", diff: [] });
    return;
  }
  const ownership = readOwnership(kind, live);
  if (!isManagedByUs(ownership)) {
    const tags = Object.entries(ownershipTags(input.environment, desired.task))
      .map(([key, value]) => `${key}=${value}`)
      .join(", ");
    result.problems.push({
      code: "unmanaged-conflict",
      address: desired.address,
      id: desired.id,
      message: `${desired.id} exists but is not managed by this repo: adopt it by adding the tags ${tags}, or rename it in the configuration`,
    });
    return;
  }
  if (!isOwnedBy(ownership, input.environment, [desired.task])) {
    result.problems.push({
      code: "ownership-conflict",
      address: desired.address,
      id: desired.id,
      message: `${desired.id} is managed by environment "${ownership.environment}", task "${ownership.task}", not by environment "${input.environment}", task "${desired.task}": rename it in the configuration`,
    });
    return;
  }
  const diff = diffProperties(desired.properties, live.body, rules);
  result.changes.push({
    ...base,
    action: diff.length === 0 ? "no-op" : "update",
    diff,
    ...(ownership.protected ? { protected: true as const } : {}),
  });
  const immutable = diff
    .map((change) => change.path)
    .filter((path) => rules.immutablePaths?.some((rule) => isAtOrUnder(path, rule) || isAtOrUnder(rule, path)));
  if (immutable.length > 0) {
    result.problems.push({
      code: "forces-replacement",
      address: desired.address,
      id: desired.id,
      message: `changing ${immutable.join(", ")} forces replacement, which this tool never does by itself: revert the change, or give the resource a new name (the old one is then an orphan to prune)`,
    });
  }
}

function requireKind(kinds: ReadonlyMap<string, ResourceKind>, key: string): ResourceKind {
  const kind = kinds.get(key);
  // createPlan validates kinds first; reaching this is a programming error, not a user one.
  if (!kind) throw new Error(`no ResourceKind registered for ${key}`);
  return kind;
}

/** The last segment of an ARM id is the resource's name. */
export function nameOf(id: string): string {
  return id.split("/").filter(Boolean).at(-1) ?? id;
}
