import type { DesiredResource, WireObject } from "../src/desired-resource.ts";
import type { LiveResource } from "../src/live-resource.ts";
import type { PropertyChange } from "../src/property-change.ts";
import { isWireObject } from "../src/property-path.ts";
import type { DiffRules, ReadLiveRequest, ResourceKind } from "../src/resource-kind.ts";

export const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
export const ACCOUNTS = "Microsoft.Storage/storageAccounts";
export const GROUPS = "Microsoft.Resources/resourceGroups";

export function groupId(name: string): string {
  return `${SUB}/resourceGroups/${name}`;
}

export function accountId(group: string, name: string): string {
  return `${groupId(group)}/providers/Microsoft.Storage/storageAccounts/${name}`;
}

/**
 * A fake of OUR ResourceKind contract (not of an Azure SDK client): an in-memory ARM that records every call, and
 * answers like ARM does — server-computed properties added, location normalised, ids in its own casing.
 */
export class InMemoryKind implements ResourceKind {
  readonly calls: string[] = [];
  readonly store = new Map<string, WireObject>();
  readonly failing = new Set<string>();
  readonly kind: string;
  readonly immutablePaths?: readonly string[];
  readonly unorderedArrayPaths?: readonly string[];
  inFlight = 0;
  maxInFlight = 0;

  constructor(kind: string, rules: DiffRules = {}) {
    this.kind = kind;
    if (rules.immutablePaths) this.immutablePaths = rules.immutablePaths;
    if (rules.unorderedArrayPaths) this.unorderedArrayPaths = rules.unorderedArrayPaths;
  }

  /** Puts a resource straight into the store, as if made out of band. */
  seed(id: string, body: WireObject): this {
    this.store.set(id, serverShape(id, body));
    return this;
  }

  async readLive(request: ReadLiveRequest): Promise<LiveResource[]> {
    this.calls.push(`read ${request.ids.length} ids`);
    return [...this.store].map(([id, body]) => ({ id, kind: this.kind, body: structuredClone(body) }));
  }

  async create(desired: DesiredResource): Promise<void> {
    await this.work(`create ${desired.name}`);
    this.store.set(desired.id, serverShape(desired.id, desired.properties));
  }

  async update(desired: DesiredResource, live: LiveResource, diff: readonly PropertyChange[]): Promise<void> {
    await this.work(`update ${desired.name} ${diff.map((change) => change.path).join(",")}`);
    this.store.set(live.id, serverShape(live.id, merge(live.body, desired.properties)));
  }

  async delete(live: LiveResource): Promise<void> {
    await this.work(`delete ${live.id.split("/").at(-1)}`);
    this.store.delete(live.id);
  }

  private async work(call: string): Promise<void> {
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // A few turns of the event loop, so that independent operations overlap the way ARM calls do.
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    this.inFlight -= 1;
    const name = call.split(" ")[1] ?? "";
    if (this.failing.has(name)) throw new Error(`ARM said no to ${name}`);
  }
}

function serverShape(id: string, body: WireObject): WireObject {
  const location = typeof body.location === "string" ? body.location.replace(/\s+/g, "").toLowerCase() : undefined;
  return merge(
    {
      id,
      name: id.split("/").at(-1),
      properties: { provisioningState: "Succeeded", creationTime: "2026-01-01T00:00:00Z" },
    },
    { ...structuredClone(body), ...(location ? { location } : {}) },
  );
}

/** ARM PUT semantics for the test: nested objects merge, tags and arrays replace. */
function merge(base: WireObject, patch: WireObject): WireObject {
  const out: WireObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = key !== "tags" && isWireObject(value) && isWireObject(current) ? merge(current, value) : value;
  }
  return out;
}
