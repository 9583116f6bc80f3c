/** Structure of an ARM resource id, enough to index it by scope and type. */
export interface ParsedResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** Full type, e.g. `Microsoft.Storage/storageAccounts/blobServices/containers`; `Microsoft.Resources/resourceGroups` etc. */
  type: string;
  /** The id of the scope directly above (resource group, subscription, parent resource, or extended resource). */
  parent: string;
  /** Every scope above, outermost first (subscription, resource group, parent resources). */
  ancestors: string[];
  /** Whether this is a top-level tracked resource (one type segment after the namespace, under a resource group). */
  topLevel: boolean;
}

export const RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";
export const SUBSCRIPTION_TYPE = "Microsoft.Resources/subscriptions";

function segmentsOf(id: string): string[] {
  return id.split("/").filter((s) => s.length > 0);
}

/** Parses `/subscriptions/..[/resourceGroups/..][/providers/NS/type/name[/type/name]*]*`; undefined if not an id. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const seg = segmentsOf(id);
  if (seg.length < 2 || seg[0]?.toLowerCase() !== "subscriptions") return undefined;
  const subscriptionId = seg[1] as string;
  const ancestors: string[] = [];
  let prefix = `/subscriptions/${subscriptionId}`;
  if (seg.length === 2) return { subscriptionId, type: SUBSCRIPTION_TYPE, parent: "/", ancestors: [], topLevel: false };
  let i = 2;
  let resourceGroup: string | undefined;
  if (seg[i]?.toLowerCase() === "resourcegroups") {
    if (seg.length < 4) return undefined;
    resourceGroup = seg[3] as string;
    ancestors.push(prefix);
    prefix = `${prefix}/${seg[2]}/${resourceGroup}`;
    if (seg.length === 4) {
      return {
        subscriptionId,
        resourceGroup,
        type: RESOURCE_GROUP_TYPE,
        parent: ancestors[0] as string,
        ancestors,
        topLevel: false,
      };
    }
    i = 4;
  }
  let type = "";
  let typeSegments = 0;
  while (i < seg.length) {
    if (seg[i]?.toLowerCase() === "providers") {
      const ns = seg[i + 1];
      const t = seg[i + 2];
      const n = seg[i + 3];
      if (ns === undefined || t === undefined || n === undefined) return undefined;
      ancestors.push(prefix);
      prefix = `${prefix}/${seg[i]}/${ns}/${t}/${n}`;
      type = `${ns}/${t}`;
      typeSegments = 1;
      i += 4;
    } else {
      const t = seg[i];
      const n = seg[i + 1];
      if (t === undefined || n === undefined || type === "") return undefined;
      ancestors.push(prefix);
      prefix = `${prefix}/${t}/${n}`;
      type = `${type}/${t}`;
      typeSegments += 1;
      i += 2;
    }
  }
  const parent = ancestors[ancestors.length - 1] as string;
  const topLevel = typeSegments === 1 && resourceGroup !== undefined && ancestors.length === 2;
  return { subscriptionId, resourceGroup, type, parent, ancestors, topLevel };
}

/** Canonical lowercase key for an id (no trailing slash). */
export function idKey(id: string): string {
  return (id.endsWith("/") ? id.slice(0, -1) : id).toLowerCase();
}
