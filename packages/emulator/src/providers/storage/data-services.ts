import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

/** blobServices/default and fileServices/default: settings that exist with every account, defaults until written. */
export type DataService = "blobServices" | "fileServices";

export const DATA_SERVICE_TYPES: Record<DataService, string> = {
  blobServices: "Microsoft.Storage/storageAccounts/blobServices",
  fileServices: "Microsoft.Storage/storageAccounts/fileServices",
};

/**
 * What a new account reports. Blob: no CORS, blob soft delete off, no container soft delete, no versioning.
 * File: share soft delete on for 7 days (the service default since 2021); premium file accounts (kind FileStorage)
 * also report SMB Multichannel, off.
 */
function defaultProperties(service: DataService, kind: unknown): Record<string, unknown> {
  if (service === "blobServices") return { cors: { corsRules: [] }, deleteRetentionPolicy: { enabled: false } };
  return {
    cors: { corsRules: [] },
    shareDeleteRetentionPolicy: { enabled: true, days: 7 },
    protocolSettings: { smb: kind === "FileStorage" ? { multichannel: { enabled: false } } : {} },
  };
}

/** SMB Multichannel exists on premium file accounts only; elsewhere setting it is the service's 409. */
export function checkFileServiceFeatures(body: unknown, account: ArmResource): void {
  const given = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const smb = isRecord(given.protocolSettings) ? given.protocolSettings.smb : undefined;
  if (isRecord(smb) && smb.multichannel !== undefined && account.kind !== "FileStorage") {
    throw new ArmError(409, "FeatureNotSupportedForAccount", "SMB Multichannel is not supported for the account.");
  }
}

export function dataServiceId(accountId: string, service: DataService): string {
  return `${accountId}/${service}/default`;
}

/** GET: defaults overlaid, per top-level property, by what was written; the account's sku rides along. */
export function dataServiceView(
  account: ArmResource,
  service: DataService,
  stored: ArmResource | undefined,
  apiVersion: string,
): ArmResource {
  const defaults = defaultProperties(service, account.kind);
  // api-version 2025-06-01 added the static website switch to the blob service; reads report it, off by default.
  if (service === "blobServices" && apiVersion >= "2025-06-01") defaults.staticWebsite = { enabled: false };
  return {
    id: dataServiceId(account.id, service),
    name: "default",
    type: DATA_SERVICE_TYPES[service],
    properties: withServiceDefaults(service, { ...defaults, ...(stored?.properties ?? {}) }),
    sku: account.sku,
  };
}

/**
 * How the service reads settings back: a disabled share soft delete has `days: 0`, and a CORS rule's empty header
 * list comes back as one empty string (the service keeps the list as a comma-joined string).
 */
function withServiceDefaults(service: DataService, properties: Record<string, unknown>): Record<string, unknown> {
  const out = { ...properties };
  const policy = out.shareDeleteRetentionPolicy;
  if (service === "fileServices" && isRecord(policy) && policy.enabled === false && policy.days === undefined) {
    out.shareDeleteRetentionPolicy = { ...policy, days: 0 };
  }
  if (isRecord(out.cors) && Array.isArray(out.cors.corsRules)) {
    const corsRules = out.cors.corsRules.map((rule: unknown) => {
      if (!isRecord(rule)) return rule;
      const read = { ...rule };
      for (const key of ["allowedHeaders", "exposedHeaders"]) {
        const list = read[key];
        if (Array.isArray(list) && list.length === 0) read[key] = [""];
      }
      return read;
    });
    out.cors = { ...out.cors, corsRules };
  }
  return out;
}

/**
 * Last-access-time tracking, once enabled, reports the service's fixed policy name, granularity and blob types;
 * disabled, it is not reported at all.
 */
function withTrackingDefaults(given: Record<string, unknown>): Record<string, unknown> {
  const policy = given.lastAccessTimeTrackingPolicy;
  if (isRecord(policy) && policy.enable === false) {
    const { lastAccessTimeTrackingPolicy: _off, ...rest } = given;
    return rest;
  }
  if (!isRecord(policy) || policy.enable !== true) return given;
  return {
    ...given,
    lastAccessTimeTrackingPolicy: {
      name: "AccessTimeTracking",
      trackingGranularityInDays: 1,
      blobType: ["blockBlob"],
      ...policy,
    },
  };
}

/** PUT: each given top-level property replaces the stored one; others stay. Returns the record to store. */
export function writeDataService(
  accountId: string,
  service: DataService,
  stored: ArmResource | undefined,
  body: unknown,
): { record: ArmResource; echoed: Record<string, unknown> } {
  const sent = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const given = service === "blobServices" ? withTrackingDefaults(sent) : sent;
  const record: ArmResource = {
    id: dataServiceId(accountId, service),
    name: "default",
    type: DATA_SERVICE_TYPES[service],
    properties: { ...(stored?.properties ?? {}), ...given },
  };
  const tracking = sent.lastAccessTimeTrackingPolicy;
  if (isRecord(tracking) && tracking.enable === false) delete record.properties?.lastAccessTimeTrackingPolicy;
  return { record, echoed: given };
}
