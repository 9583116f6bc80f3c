import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";
import { ACCOUNT, requireAccount } from "./storage-scope.ts";

/**
 * File shares, queues and tables: items under an account's services that ARM lists and writes like containers.
 * Shapes from Microsoft's examples (FileSharesPut/List, QueueOperationPut/List, 2025-08-01): a PUT answers id, name
 * and type (201 new, 200 existing); GET and list add `properties`. Enough to see what an account holds; the data
 * plane inside them is not emulated.
 */
interface AccountItem {
  service: "fileServices" | "queueServices" | "tableServices";
  collection: "shares" | "queues" | "tables";
  param: string;
  /** Server-set properties of a new item. */
  defaults(name: string): Record<string, unknown>;
}

const ITEMS: readonly AccountItem[] = [
  { service: "fileServices", collection: "shares", param: "shareName", defaults: () => ({ shareQuota: 102400 }) },
  { service: "queueServices", collection: "queues", param: "queueName", defaults: () => ({}) },
  { service: "tableServices", collection: "tables", param: "tableName", defaults: (name) => ({ tableName: name }) },
];

function routesFor(item: AccountItem): ArmRoute[] {
  const collection = `${ACCOUNT}/${item.service}/default/${item.collection}`;
  const one = `${collection}/{${item.param}}`;
  const type = `Microsoft.Storage/storageAccounts/${item.service}/${item.collection}`;
  const action = `Microsoft.Storage/storageAccounts/${item.service}/${item.collection}`;
  const idOf = (ctx: ArmContext) =>
    `${requireAccount(ctx).id}/${item.service}/default/${item.collection}/${String(ctx.params[item.param])}`;
  return [
    {
      method: "GET",
      pattern: collection,
      action: `${action}/read`,
      handle(ctx) {
        const account = requireAccount(ctx);
        return ctx.page({ scope: `${account.id}/${item.service}/default`, type });
      },
    },
    {
      method: "GET",
      pattern: one,
      action: `${action}/read`,
      handle(ctx) {
        const found = ctx.store.get(idOf(ctx));
        if (!found)
          throw new ArmError(404, "ResourceNotFound", `The specified ${item.collection.slice(0, -1)} does not exist.`);
        return { status: 200, body: found };
      },
    },
    {
      method: "PUT",
      pattern: one,
      action: `${action}/write`,
      handle(ctx) {
        const id = idOf(ctx);
        const name = String(ctx.params[item.param]);
        const existing = ctx.store.get(id);
        const given = isRecord(ctx.body) && isRecord(ctx.body.properties) ? ctx.body.properties : {};
        const record: ArmResource = {
          id,
          name,
          type,
          properties: { ...item.defaults(name), ...(existing?.properties ?? {}), ...given },
        };
        ctx.store.put(record);
        return { status: existing ? 200 : 201, body: { id, name, type } };
      },
    },
    {
      method: "DELETE",
      pattern: one,
      action: `${action}/delete`,
      handle: (ctx) => ({ status: ctx.store.delete(idOf(ctx)) ? 200 : 204 }),
    },
  ];
}

export const accountItemRoutes: ArmRoute[] = ITEMS.flatMap(routesFor);
