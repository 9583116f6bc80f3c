import { type ArmContext, ArmError, type ArmResource, type ArmRoute } from "../../arm/contract.ts";
import { validateLocation } from "../../resources/location-validation.ts";
import { isRecord } from "./json-record.ts";
import { keysRecordId, newKeysRecord } from "./storage-account-keys.ts";
import {
  accountNameTakenMessage,
  checkAccountName,
  invalidAccountNameMessage,
  isReservedName,
  isValidAccountName,
  reservedNameMessage,
} from "./storage-account-name.ts";
import { accountIdForName, claimAccountName, releaseAccountName } from "./storage-account-name-index.ts";
import { parseStorageAccountCreate } from "./storage-account-request.ts";
import { buildStorageAccount, patchStorageAccount, STORAGE_ACCOUNT_TYPE } from "./storage-account-resource.ts";
import { isGeoRedundant } from "./storage-replication.ts";
import { ACCOUNT, ACCOUNTS, accountIdOf, requireAccount } from "./storage-scope.ts";

const READ = "Microsoft.Storage/storageAccounts/read";
const WRITE = "Microsoft.Storage/storageAccounts/write";
const DELETE = "Microsoft.Storage/storageAccounts/delete";

function tenantOf(ctx: ArmContext): string {
  return ctx.subscriptions.get(String(ctx.params.subscriptionId).toLowerCase())?.tenantId ?? ctx.principal.tenantId;
}

/** Refuses a name held by another account: elsewhere in this subscription, or in any other subscription. */
function checkNameFree(ctx: ArmContext, name: string, accountId: string): void {
  const holder = accountIdForName(ctx.store, name);
  if (holder === undefined || holder.toLowerCase() === accountId.toLowerCase()) return;
  const sameSubscription = holder
    .toLowerCase()
    .startsWith(`/subscriptions/${String(ctx.params.subscriptionId).toLowerCase()}/`);
  if (sameSubscription) {
    throw new ArmError(
      409,
      "StorageAccountInAnotherResourceGroup",
      `The account ${name} is already in another resource group in this subscription.`,
    );
  }
  throw new ArmError(409, "StorageAccountAlreadyTaken", accountNameTakenMessage(name));
}

function createOrReplace(ctx: ArmContext) {
  const name = String(ctx.params.accountName);
  if (!isValidAccountName(name)) throw new ArmError(400, "AccountNameInvalid", invalidAccountNameMessage(name));
  if (isReservedName(name)) throw new ArmError(400, "ReservedResourceName", reservedNameMessage(name));
  const request = parseStorageAccountCreate(ctx.body);
  validateLocation(ctx.config, request.location, STORAGE_ACCOUNT_TYPE);
  const id = accountIdOf(ctx);
  checkNameFree(ctx, name, id);
  const existing = ctx.store.get(id);
  let resource = buildStorageAccount({
    id,
    name,
    apiVersion: ctx.apiVersion,
    tenantId: tenantOf(ctx),
    now: new Date(),
    request,
  });
  if (existing) {
    // A PUT on an existing account updates it; what only a create sets (times, identity principal) is kept.
    const kept = existing.properties ?? {};
    resource.properties = {
      ...resource.properties,
      creationTime: kept.creationTime,
      keyCreationTime: kept.keyCreationTime,
    };
    if (isRecord(existing.identity) && isRecord(resource.identity) && existing.identity.principalId !== undefined) {
      resource = { ...resource, identity: { ...resource.identity, principalId: existing.identity.principalId } };
    }
  }
  const commit = () => {
    ctx.store.put(resource);
    claimAccountName(ctx.store, name, id);
    if (!ctx.store.has(keysRecordId(id))) ctx.store.put(newKeysRecord(id));
  };
  // Only a create is long-running: Azure answers a PUT to an existing account 200 with the account at once.
  if (existing) {
    commit();
    return { status: 200, body: resource };
  }
  return { status: 200, body: resource, commit };
}

/** `$expand=geoReplicationStats` adds the replication status of geo-redundant accounts. */
function withExpand(ctx: ArmContext, account: ArmResource): ArmResource {
  const expand = ctx.query.get("$expand") ?? "";
  const sku = isRecord(account.sku) ? String(account.sku.name) : "";
  if (!expand.toLowerCase().includes("georeplicationstats") || !isGeoRedundant(sku)) return account;
  const lastSyncTime = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, "Z");
  return {
    ...account,
    properties: { ...account.properties, geoReplicationStats: { status: "Live", lastSyncTime, canFailover: true } },
  };
}

export const storageAccountRoutes: ArmRoute[] = [
  {
    method: "POST",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/checkNameAvailability",
    action: "Microsoft.Storage/checkNameAvailability/read",
    handle(ctx) {
      const name = isRecord(ctx.body) && typeof ctx.body.name === "string" ? ctx.body.name : "";
      return { status: 200, body: checkAccountName(name, accountIdForName(ctx.store, name) !== undefined) };
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts",
    action: READ,
    handle: (ctx) =>
      ctx.page({ scope: `/subscriptions/${ctx.params.subscriptionId}`, type: STORAGE_ACCOUNT_TYPE, recursive: true }),
  },
  {
    method: "GET",
    pattern: ACCOUNTS,
    action: READ,
    handle: (ctx) =>
      ctx.page({
        scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`,
        type: STORAGE_ACCOUNT_TYPE,
      }),
  },
  { method: "PUT", pattern: ACCOUNT, action: WRITE, longRunning: true, handle: createOrReplace },
  {
    method: "GET",
    pattern: ACCOUNT,
    action: READ,
    handle: (ctx) => ({ status: 200, body: withExpand(ctx, requireAccount(ctx)) }),
  },
  {
    method: "PATCH",
    pattern: ACCOUNT,
    action: WRITE,
    handle(ctx) {
      const next = patchStorageAccount(requireAccount(ctx), ctx.body, tenantOf(ctx), new Date());
      ctx.store.put(next);
      return { status: 200, body: next };
    },
  },
  {
    method: "DELETE",
    pattern: ACCOUNT,
    action: DELETE,
    handle(ctx) {
      const existed = ctx.store.delete(accountIdOf(ctx));
      if (existed) releaseAccountName(ctx.store, String(ctx.params.accountName));
      return { status: existed ? 200 : 204 };
    },
  },
];
