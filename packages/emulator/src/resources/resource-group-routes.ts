import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../arm/contract.ts";
import { clauseValue, parseFilter } from "../arm/odata-filter.ts";
import { RESOURCE_GROUP_TYPE } from "../arm/resource-id.ts";
import { validateLocation } from "./location-validation.ts";
import { validateTags } from "./tag-validation.ts";

const RG = "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}";
const NAME = /^[-\w._()]{1,90}$/u;

function rgId(ctx: ArmContext): string {
  return `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
}

function existing(ctx: ArmContext): ArmResource {
  const rg = ctx.store.get(rgId(ctx));
  if (!rg)
    throw new ArmError(
      404,
      "ResourceGroupNotFound",
      `Resource group '${ctx.params.resourceGroupName}' could not be found.`,
    );
  return rg;
}

function render(rg: ArmResource): Record<string, unknown> {
  const out: Record<string, unknown> = { id: rg.id, name: rg.name, type: RESOURCE_GROUP_TYPE, location: rg.location };
  if (rg.managedBy) out.managedBy = rg.managedBy;
  if (rg.tags) out.tags = rg.tags;
  out.properties = { provisioningState: "Succeeded" };
  return out;
}

function bodyObject(ctx: ArmContext): Record<string, unknown> {
  if (typeof ctx.body !== "object" || ctx.body === null) {
    throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
  }
  return ctx.body as Record<string, unknown>;
}

/** The api-version a template states for each resource type (the newest the emulator serves). */
const EXPORT_API_VERSIONS: Record<string, string> = {
  "microsoft.storage/storageaccounts": "2025-08-01",
  "microsoft.managedidentity/userassignedidentities": "2024-11-30",
};

/**
 * `exportTemplate`: a deployment template of the group's top-level resources. Each is exported with its type, name,
 * location, tags, sku and kind; Azure also exports properties and name parameters, which the emulator does not.
 */
function exportTemplate(ctx: ArmContext, rg: ArmResource): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = ctx.store.list({ scope: rg.id }, cursor, 1000);
    for (const r of page.items) {
      const apiVersion = EXPORT_API_VERSIONS[r.type.toLowerCase()] ?? ctx.apiVersion;
      const exported: Record<string, unknown> = { type: r.type, apiVersion, name: r.name };
      for (const key of ["location", "tags", "sku", "kind"]) if (r[key] !== undefined) exported[key] = r[key];
      resources.push(exported);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return {
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    contentVersion: "1.0.0.0",
    parameters: {},
    variables: {},
    resources,
  };
}

/** Microsoft.Resources resource groups: PUT, GET, HEAD, PATCH, DELETE (long-running, removes contents), list. */
export const resourceGroupRoutes: ArmRoute[] = [
  {
    method: "PUT",
    pattern: RG,
    action: "Microsoft.Resources/subscriptions/resourceGroups/write",
    handle(ctx) {
      const name = ctx.params.resourceGroupName as string;
      if (!NAME.test(name) || name.endsWith(".")) {
        throw new ArmError(
          400,
          "InvalidResourceGroupName",
          `The resource group name '${name}' is invalid. It must be 1-90 letters, digits, '_', '-', '.', '(' or ')' and not end in '.'.`,
        );
      }
      const body = bodyObject(ctx);
      const location = validateLocation(ctx.config, body.location, RESOURCE_GROUP_TYPE);
      const tags = validateTags(body.tags);
      const before = ctx.store.get(rgId(ctx));
      if (before && before.location !== location) {
        throw new ArmError(
          409,
          "InvalidResourceGroupLocation",
          `Invalid resource group location '${body.location}'. The Resource group already exists in location '${before.location}'.`,
        );
      }
      const rg: ArmResource = {
        id: rgId(ctx),
        name,
        type: RESOURCE_GROUP_TYPE,
        location,
        properties: { provisioningState: "Succeeded" },
      };
      if (tags) rg.tags = tags;
      if (typeof body.managedBy === "string") rg.managedBy = body.managedBy;
      const created = ctx.store.put(rg);
      return { status: created ? 201 : 200, body: render(rg) };
    },
  },
  {
    method: "GET",
    pattern: RG,
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    handle: (ctx) => ({ status: 200, body: render(existing(ctx)) }),
  },
  {
    method: "HEAD",
    pattern: RG,
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    handle: (ctx) => ({ status: ctx.store.has(rgId(ctx)) ? 204 : 404 }),
  },
  {
    method: "PATCH",
    pattern: RG,
    action: "Microsoft.Resources/subscriptions/resourceGroups/write",
    handle(ctx) {
      const rg = { ...existing(ctx) };
      const body = bodyObject(ctx);
      if ("tags" in body) {
        const tags = validateTags(body.tags);
        if (tags) rg.tags = tags;
        else delete rg.tags;
      }
      if (typeof body.managedBy === "string") rg.managedBy = body.managedBy;
      ctx.store.put(rg);
      return { status: 200, body: render(rg) };
    },
  },
  {
    method: "DELETE",
    pattern: RG,
    action: "Microsoft.Resources/subscriptions/resourceGroups/delete",
    longRunning: true,
    handle(ctx) {
      const rg = existing(ctx);
      return { status: 200, commit: () => void ctx.store.delete(rg.id) };
    },
  },
  {
    method: "POST",
    pattern: `${RG}/exportTemplate`,
    action: "Microsoft.Resources/subscriptions/resourceGroups/exportTemplate/action",
    handle(ctx) {
      const rg = existing(ctx);
      return { status: 200, body: { template: exportTemplate(ctx, rg) } };
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups",
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    filterByAccess: true,
    handle(ctx) {
      const filter = parseFilter(ctx.query.get("$filter"));
      const tagName = clauseValue(filter, "tagName");
      const tagValue = clauseValue(filter, "tagValue");
      const matches =
        tagName === undefined
          ? undefined
          : (rg: ArmResource) => {
              const entry = Object.entries(rg.tags ?? {}).find(([k]) => k.toLowerCase() === tagName.toLowerCase());
              return entry !== undefined && (tagValue === undefined || entry[1] === tagValue);
            };
      return ctx.page(
        { scope: `/subscriptions/${ctx.params.subscriptionId}`, type: RESOURCE_GROUP_TYPE },
        render,
        matches,
      );
    },
  },
];
