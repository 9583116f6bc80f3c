import { type ArmContext, ArmError, type ArmRoute } from "../../arm/contract.ts";
import { keysRecordId, listKeysBody, newKeysRecord, parseKeyName, withRegeneratedKey } from "./storage-account-keys.ts";
import { withKeyCreationTime } from "./storage-account-resource.ts";
import { ACCOUNT, accountIdOf, requireAccount } from "./storage-scope.ts";

function keysOf(ctx: ArmContext) {
  requireAccount(ctx);
  const id = keysRecordId(accountIdOf(ctx));
  const record = ctx.store.get(id) ?? newKeysRecord(accountIdOf(ctx));
  if (!ctx.store.has(id)) ctx.store.put(record);
  return record;
}

export const storageKeyRoutes: ArmRoute[] = [
  {
    method: "POST",
    pattern: `${ACCOUNT}/listKeys`,
    action: "Microsoft.Storage/storageAccounts/listkeys/action",
    handle: (ctx) => ({ status: 200, body: listKeysBody(keysOf(ctx), requireAccount(ctx)) }),
  },
  {
    method: "POST",
    pattern: `${ACCOUNT}/regenerateKey`,
    action: "Microsoft.Storage/storageAccounts/regeneratekey/action",
    handle(ctx) {
      const keyName = parseKeyName(ctx.body);
      if (keyName === undefined) {
        throw new ArmError(
          400,
          "InvalidValuesForRequestParameters",
          "Values for request parameters are invalid: keyName.",
        );
      }
      const record = withRegeneratedKey(keysOf(ctx), keyName);
      ctx.store.put(record);
      const account = withKeyCreationTime(requireAccount(ctx), keyName, new Date());
      ctx.store.put(account);
      return { status: 200, body: listKeysBody(record, account) };
    },
  },
];
