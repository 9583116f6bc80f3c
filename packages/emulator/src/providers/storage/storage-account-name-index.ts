import type { ArmResource, ResourceStore } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

/**
 * Storage account names are global across every subscription. A tenant-level index record per name keeps the
 * uniqueness check O(1); a record whose account no longer exists (its group was deleted) counts as free.
 */
const INDEX_TYPE = "Microsoft.Storage/emulatorAccountNames";

function indexId(name: string): string {
  return `/providers/${INDEX_TYPE}/${name.toLowerCase()}`;
}

/** The id of the live account holding `name`, if any. */
export function accountIdForName(store: ResourceStore, name: string): string | undefined {
  const record = store.get(indexId(name));
  const accountId = isRecord(record?.properties) ? record.properties.accountId : undefined;
  if (typeof accountId !== "string" || !store.has(accountId)) return undefined;
  return accountId;
}

export function claimAccountName(store: ResourceStore, name: string, accountId: string): void {
  const record: ArmResource = {
    id: indexId(name),
    name: name.toLowerCase(),
    type: INDEX_TYPE,
    properties: { accountId },
  };
  store.put(record);
}

export function releaseAccountName(store: ResourceStore, name: string): void {
  store.delete(indexId(name));
}
