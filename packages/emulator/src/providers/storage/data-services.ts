import type { ArmResource } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

/** blobServices/default and fileServices/default: settings that exist with every account, defaults until written. */
export type DataService = "blobServices" | "fileServices";

export const DATA_SERVICE_TYPES: Record<DataService, string> = {
  blobServices: "Microsoft.Storage/storageAccounts/blobServices",
  fileServices: "Microsoft.Storage/storageAccounts/fileServices",
};

/**
 * What a new account reports. Blob: no CORS, blob soft delete off, no container soft delete, no versioning.
 * File: share soft delete on for 7 days (the service default since 2021).
 */
function defaultProperties(service: DataService): Record<string, unknown> {
  if (service === "blobServices") {
    return { cors: { corsRules: [] }, deleteRetentionPolicy: { allowPermanentDelete: false, enabled: false } };
  }
  return {
    cors: { corsRules: [] },
    shareDeleteRetentionPolicy: { enabled: true, days: 7 },
    protocolSettings: { smb: {} },
  };
}

export function dataServiceId(accountId: string, service: DataService): string {
  return `${accountId}/${service}/default`;
}

/** GET: defaults overlaid, per top-level property, by what was written; the account's sku rides along. */
export function dataServiceView(
  accountId: string,
  service: DataService,
  stored: ArmResource | undefined,
  sku: unknown,
): ArmResource {
  return {
    id: dataServiceId(accountId, service),
    name: "default",
    type: DATA_SERVICE_TYPES[service],
    properties: { ...defaultProperties(service), ...(stored?.properties ?? {}) },
    sku,
  };
}

/** PUT: each given top-level property replaces the stored one; others stay. Returns the record to store. */
export function writeDataService(
  accountId: string,
  service: DataService,
  stored: ArmResource | undefined,
  body: unknown,
): { record: ArmResource; echoed: Record<string, unknown> } {
  const given = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const record: ArmResource = {
    id: dataServiceId(accountId, service),
    name: "default",
    type: DATA_SERVICE_TYPES[service],
    properties: { ...(stored?.properties ?? {}), ...given },
  };
  return { record, echoed: given };
}
