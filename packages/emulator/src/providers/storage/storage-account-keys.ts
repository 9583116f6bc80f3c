import { randomBytes } from "node:crypto";
import type { ArmResource } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

/**
 * Access keys are kept in an internal child record beside the account, never in the account itself, so no GET or
 * list can show them; deleting the account (or its group) deletes them too.
 */
export const KEYS_RECORD_TYPE = "Microsoft.Storage/storageAccounts/emulatorKeys";
export type KeyName = "key1" | "key2";

export function keysRecordId(accountId: string): string {
  return `${accountId}/emulatorKeys/default`;
}

/** Azure account keys are 64 random bytes, base64 (88 characters). */
export function newAccountKey(): string {
  return randomBytes(64).toString("base64");
}

export function newKeysRecord(accountId: string): ArmResource {
  return {
    id: keysRecordId(accountId),
    name: "default",
    type: KEYS_RECORD_TYPE,
    properties: { key1: newAccountKey(), key2: newAccountKey() },
  };
}

export function withRegeneratedKey(record: ArmResource, keyName: KeyName): ArmResource {
  return { ...record, properties: { ...(record.properties ?? {}), [keyName]: newAccountKey() } };
}

export interface ListedKey {
  creationTime?: string;
  keyName: KeyName;
  value: string;
  permissions: string;
}

/**
 * Body of listKeys and regenerateKey: each key with its creation time (the account's `keyCreationTime`). The service
 * spells the permission `FULL` on the wire.
 */
export function listKeysBody(record: ArmResource, account: ArmResource): { keys: ListedKey[] } {
  const properties = isRecord(record.properties) ? record.properties : {};
  const times = isRecord(account.properties?.keyCreationTime) ? account.properties.keyCreationTime : {};
  const keys = (["key1", "key2"] as const).map((keyName) => {
    const key: ListedKey = { keyName, value: String(properties[keyName] ?? ""), permissions: "FULL" };
    if (typeof times[keyName] === "string") return { creationTime: times[keyName], ...key };
    return key;
  });
  return { keys };
}

export function parseKeyName(body: unknown): KeyName | undefined {
  if (!isRecord(body) || typeof body.keyName !== "string") return undefined;
  const name = body.keyName.toLowerCase();
  return name === "key1" || name === "key2" ? name : undefined;
}
