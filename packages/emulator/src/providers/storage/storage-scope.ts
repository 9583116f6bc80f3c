import type { ArmContext, ArmResource } from "../../arm/contract.ts";
import { STORAGE_ACCOUNT_TYPE } from "./storage-account-resource.ts";
import { resourceNotFound } from "./storage-errors.ts";

export const ACCOUNTS =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts";
export const ACCOUNT = `${ACCOUNTS}/{accountName}`;

/** The account id with the resource group spelled as it was created (ARM returns the stored casing). */
export function accountIdOf(ctx: ArmContext): string {
  const { subscriptionId, resourceGroupName, accountName } = ctx.params;
  const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
  const group = ctx.store.get(groupId);
  return `/subscriptions/${subscriptionId}/resourceGroups/${group?.name ?? resourceGroupName}/providers/${STORAGE_ACCOUNT_TYPE}/${accountName}`;
}

/** The account the request names, or ARM's 404. */
export function requireAccount(ctx: ArmContext): ArmResource {
  const account = ctx.store.get(accountIdOf(ctx));
  if (!account) {
    throw resourceNotFound(STORAGE_ACCOUNT_TYPE, String(ctx.params.accountName), String(ctx.params.resourceGroupName));
  }
  return account;
}
