import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../arm/contract.ts";
import { canonicalEnum } from "../arm/enum-values.ts";
import { atEveryScope, scopeOf } from "../arm/scope-patterns.ts";
import { validateTags } from "./tag-validation.ts";

const SUFFIX = "/providers/Microsoft.Resources/tags/default";
const SUFFIX_SEGMENTS = 4;
const TAGS_TYPE = "Microsoft.Resources/tags";
const OPERATIONS = ["Merge", "Replace", "Delete"] as const;

/**
 * Where the tags of a scope live: a resource group or resource carries its own `tags`; a subscription (not a stored
 * resource here) keeps them in a `Microsoft.Resources/tags` record at the tags id itself.
 */
interface TagsHolder {
  scope: string;
  tags: Record<string, string>;
  write(tags: Record<string, string> | undefined): void;
}

function holder(ctx: ArmContext): TagsHolder {
  const scope = scopeOf(ctx.path, SUFFIX_SEGMENTS);
  if (scope.split("/").filter((s) => s.length > 0).length === 2) {
    const id = `/subscriptions/${ctx.params.subscriptionId}${SUFFIX}`;
    const record = ctx.store.get(id);
    return {
      scope: `/subscriptions/${ctx.params.subscriptionId}`,
      tags: record?.tags ?? {},
      write(tags) {
        if (tags === undefined) ctx.store.delete(id);
        else ctx.store.put({ id, name: "default", type: TAGS_TYPE, tags });
      },
    };
  }
  const resource = ctx.store.get(scope);
  if (!resource) throw new ArmError(404, "ResourceNotFound", `The Resource '${scope}' was not found.`);
  return {
    scope: resource.id,
    tags: resource.tags ?? {},
    write(tags) {
      const { tags: _before, ...rest } = resource;
      ctx.store.put((tags === undefined ? rest : { ...rest, tags }) as ArmResource);
    },
  };
}

function render(scope: string, tags: Record<string, string>): Record<string, unknown> {
  return { id: `${scope}${SUFFIX}`, name: "default", type: TAGS_TYPE, properties: { tags } };
}

function tagsFromBody(ctx: ArmContext): Record<string, string> {
  const props = (ctx.body as { properties?: { tags?: unknown } } | undefined)?.properties;
  return validateTags(props?.tags) ?? {};
}

/** Tags at scope (subscription, resource group or resource): GET, PUT (replace), PATCH (Merge / Replace / Delete), DELETE. */
export const tagsRoutes: ArmRoute[] = atEveryScope(SUFFIX).flatMap((pattern): ArmRoute[] => [
  {
    method: "GET",
    pattern,
    action: "Microsoft.Resources/tags/read",
    handle(ctx) {
      const { scope, tags } = holder(ctx);
      return { status: 200, body: render(scope, tags) };
    },
  },
  {
    method: "PUT",
    pattern,
    action: "Microsoft.Resources/tags/write",
    handle(ctx) {
      const target = holder(ctx);
      const tags = tagsFromBody(ctx);
      target.write(tags);
      return { status: 200, body: render(target.scope, tags) };
    },
  },
  {
    method: "PATCH",
    pattern,
    action: "Microsoft.Resources/tags/write",
    handle(ctx) {
      const target = holder(ctx);
      const sent = (ctx.body as { operation?: unknown } | undefined)?.operation;
      const operation = canonicalEnum(sent, OPERATIONS);
      const incoming = tagsFromBody(ctx);
      let tags: Record<string, string>;
      if (operation === "Merge") tags = validateTags({ ...target.tags, ...incoming }) ?? {};
      else if (operation === "Replace") tags = incoming;
      else if (operation === "Delete") {
        tags = Object.fromEntries(
          Object.entries(target.tags).filter(([k, v]) => !(k in incoming) || (incoming[k] !== "" && incoming[k] !== v)),
        );
      } else {
        throw new ArmError(
          400,
          "InvalidTagPatchOperation",
          `The tag patch operation '${String(sent ?? "")}' is not valid. Use Merge, Replace or Delete.`,
        );
      }
      target.write(tags);
      return { status: 200, body: render(target.scope, tags) };
    },
  },
  {
    method: "DELETE",
    pattern,
    action: "Microsoft.Resources/tags/delete",
    handle(ctx) {
      holder(ctx).write(undefined);
      return { status: 200 };
    },
  },
]);
