import type { ArmContext, ArmResource, ArmRoute } from "../arm/contract.ts";
import { clauseValue, parseFilter } from "../arm/odata-filter.ts";

/** The generic resource shape `resources.list` returns (no properties). */
function render(r: ArmResource): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, name: r.name, type: r.type };
  for (const key of ["kind", "sku", "identity", "managedBy", "location", "tags"]) {
    if (r[key] !== undefined) out[key] = r[key];
  }
  return out;
}

/**
 * Extension resources (role assignments, locks, tags at a scope) are not resources of the group or subscription they
 * sit on: ARM's resource list never returns them (`az resource list` shows none), though they live at its scope here.
 */
const isExtension = (r: ArmResource): boolean => /^Microsoft\.(Authorization|Resources)\//i.test(r.type);

function filterOf(ctx: ArmContext): (r: ArmResource) => boolean {
  const matches = clausesOf(ctx);
  return (r) => !isExtension(r) && (matches === undefined || matches(r));
}

function clausesOf(ctx: ArmContext): ((r: ArmResource) => boolean) | undefined {
  const f = parseFilter(ctx.query.get("$filter"));
  const type = clauseValue(f, "resourceType")?.toLowerCase();
  const name = clauseValue(f, "name")?.toLowerCase();
  const location = clauseValue(f, "location")?.toLowerCase();
  const tagName = clauseValue(f, "tagName")?.toLowerCase();
  const tagValue = clauseValue(f, "tagValue");
  if (!type && !name && !location && !tagName) return undefined;
  return (r) => {
    if (type && r.type.toLowerCase() !== type) return false;
    if (name && r.name.toLowerCase() !== name) return false;
    if (location && r.location?.toLowerCase() !== location) return false;
    if (tagName) {
      const entry = Object.entries(r.tags ?? {}).find(([k]) => k.toLowerCase() === tagName);
      if (!entry || (tagValue !== undefined && entry[1] !== tagValue)) return false;
    }
    return true;
  };
}

/** `resources.list` per subscription and per resource group: top-level tracked resources in insertion order. */
export const resourceListRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/resources",
    action: "Microsoft.Resources/subscriptions/resources/read",
    filterByAccess: true,
    handle: (ctx) => ctx.page({ scope: `/subscriptions/${ctx.params.subscriptionId}` }, render, filterOf(ctx)),
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/resources",
    action: "Microsoft.Resources/subscriptions/resourceGroups/resources/read",
    handle: (ctx) =>
      ctx.page(
        { scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}` },
        render,
        filterOf(ctx),
      ),
  },
];
