import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../arm/contract.ts";
import { atEveryScope, scopeOf } from "../arm/scope-patterns.ts";
import { validateTags } from "./tag-validation.ts";

const SUFFIX = "/providers/Microsoft.Resources/tags/default";
const SUFFIX_SEGMENTS = 4;

function target(ctx: ArmContext): ArmResource {
  const scope = scopeOf(ctx.path, SUFFIX_SEGMENTS);
  const resource = ctx.store.get(scope);
  if (!resource) throw new ArmError(404, "ResourceNotFound", `The Resource '${scope}' was not found.`);
  return resource;
}

function render(resource: ArmResource): Record<string, unknown> {
  return {
    id: `${resource.id}${SUFFIX}`,
    name: "default",
    type: "Microsoft.Resources/tags",
    properties: { tags: resource.tags ?? {} },
  };
}

function tagsFromBody(ctx: ArmContext): Record<string, string> {
  const props = (ctx.body as { properties?: { tags?: unknown } } | undefined)?.properties;
  return validateTags(props?.tags) ?? {};
}

/** Tags at scope (resource group or resource): GET, PUT (replace), PATCH (Merge / Replace / Delete), DELETE. */
export const tagsRoutes: ArmRoute[] = atEveryScope(SUFFIX)
  .slice(1)
  .flatMap((pattern): ArmRoute[] => [
    {
      method: "GET",
      pattern,
      action: "Microsoft.Resources/tags/read",
      handle: (ctx) => ({ status: 200, body: render(target(ctx)) }),
    },
    {
      method: "PUT",
      pattern,
      action: "Microsoft.Resources/tags/write",
      handle(ctx) {
        const updated = { ...target(ctx), tags: tagsFromBody(ctx) };
        ctx.store.put(updated);
        return { status: 200, body: render(updated) };
      },
    },
    {
      method: "PATCH",
      pattern,
      action: "Microsoft.Resources/tags/write",
      handle(ctx) {
        const resource = target(ctx);
        const operation = String((ctx.body as { operation?: unknown } | undefined)?.operation ?? "");
        const incoming = tagsFromBody(ctx);
        let tags: Record<string, string>;
        if (operation === "Merge") tags = validateTags({ ...(resource.tags ?? {}), ...incoming }) ?? {};
        else if (operation === "Replace") tags = incoming;
        else if (operation === "Delete") {
          tags = Object.fromEntries(
            Object.entries(resource.tags ?? {}).filter(
              ([k, v]) => !(k in incoming) || (incoming[k] !== "" && incoming[k] !== v),
            ),
          );
        } else {
          throw new ArmError(
            400,
            "InvalidTagPatchOperation",
            `The tag patch operation '${operation}' is not valid. Use Merge, Replace or Delete.`,
          );
        }
        const updated = { ...resource, tags };
        ctx.store.put(updated);
        return { status: 200, body: render(updated) };
      },
    },
    {
      method: "DELETE",
      pattern,
      action: "Microsoft.Resources/tags/delete",
      handle(ctx) {
        const { tags: _removed, ...rest } = target(ctx);
        ctx.store.put(rest as ArmResource);
        return { status: 200 };
      },
    },
  ]);
