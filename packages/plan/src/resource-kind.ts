import type { DesiredResource } from "./desired-resource.ts";
import type { LiveResource } from "./live-resource.ts";
import type { Ownership } from "./ownership.ts";
import type { PlanContent } from "./plan.ts";
import type { PropertyChange } from "./property-change.ts";

/** What the engine asks a kind to read, once per plan (and once again before apply). */
export interface ReadLiveRequest {
  readonly subscriptionId: string;
  readonly environment: string;
  /** Desired ids of this kind: return each that exists. */
  readonly ids: readonly string[];
  /** Also return every resource of this kind owned by `environment` and one of these tasks (leftovers to prune). */
  readonly tasks: readonly string[];
  readonly signal?: AbortSignal;
}

/** How the diff treats particular wire paths of a kind. Paths are dotted; `[]` stands for "any array element". */
export interface DiffRules {
  /** Changing these needs a delete + create: reported as a plan problem, never applied silently. */
  readonly immutablePaths?: readonly string[];
  /** Arrays whose order ARM does not keep or care about (compared as sets). Other arrays compare in order. */
  readonly unorderedArrayPaths?: readonly string[];
  /** Strings ARM treats case-insensitively (enum values). Locations and resource ids are always case-insensitive. */
  readonly caseInsensitivePaths?: readonly string[];
  /** Maps ARM replaces as a whole. The kind's tags path is always one. */
  readonly wholeMapPaths?: readonly string[];
  /** Paths whose values are never printed or fingerprinted, besides names that look secret (keys, secrets...). */
  readonly secretPaths?: readonly string[];
}

/** The declarative part of a kind: enough to diff, fingerprint and render without calling Azure. */
export interface KindRules extends DiffRules {
  readonly kind: string;
  /** Where the kind's ownership tag map lives in the wire body. Default `tags`; `null` when the type has no tags. */
  readonly tagsPath?: string | null;
}

/**
 * The contract a task package implements for one ARM resource type. The engine stays resource-agnostic: it calls
 * `readLive` once per kind (list calls per group and type, not one GET per resource), decides, then calls the writes.
 */
export interface ResourceKind extends KindRules {
  /**
   * The plan address of a live resource no longer configured (a delete, or a leftover kept without --prune), in the
   * form its task gives the desired ones: `storage.container["acct/old"]`. Default: its resource id.
   */
  addressOf?(live: LiveResource, ownership: Ownership): string;
  /** Ownership of a type that cannot carry tags (role assignments...). Default: read the tags at `tagsPath`. */
  readOwnership?(live: LiveResource): Ownership | undefined;
  readLive(request: ReadLiveRequest): Promise<LiveResource[]>;
  /**
   * Everything ARM would delete along with `live` (children, role assignments and locks at its scope, a group's
   * resources), each with its ownership stamp when it has one. Read when a delete is planned, so a delete that would
   * take something this environment does not own is refused in the plan. A kind whose resources hold nothing omits it.
   */
  readContents?(live: LiveResource, signal?: AbortSignal): Promise<PlanContent[]>;
  create(desired: DesiredResource, signal: AbortSignal): Promise<void>;
  update(
    desired: DesiredResource,
    live: LiveResource,
    diff: readonly PropertyChange[],
    signal: AbortSignal,
  ): Promise<void>;
  delete(live: LiveResource, signal: AbortSignal): Promise<void>;
}
