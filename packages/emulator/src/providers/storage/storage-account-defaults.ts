import { isRecord } from "./json-record.ts";

/**
 * What the Storage resource provider fills in when a property is not sent, by api-version. Dates are the api-versions
 * that changed the default; compare as strings (`YYYY-MM-DD[-preview]` sorts chronologically).
 *
 * - supportsHttpsTrafficOnly: true since 2019-04-01, false before.
 * - allowBlobPublicAccess: exists since 2019-04-01; new accounts get false since the 2023 secure-by-default change
 *   (the emulator applies it to every version that has the property).
 * - minimumTlsVersion: TLS1_2 from 2023-01-01 on; older versions leave TLS1_0 (what the Azure CLI 2.45 sees).
 * - allowSharedKeyAccess: never filled in; absent means shared key is allowed.
 * - accessTier: Hot for StorageV2 and BlobStorage accounts of the Standard tier.
 */
export interface StorageAccountDefaults {
  supportsHttpsTrafficOnly: boolean;
  allowBlobPublicAccess?: boolean;
  minimumTlsVersion: "TLS1_0" | "TLS1_2";
  accessTier?: "Hot";
}

export function storageAccountDefaults(apiVersion: string, kind: string, skuTier: string): StorageAccountDefaults {
  const defaults: StorageAccountDefaults = {
    supportsHttpsTrafficOnly: apiVersion >= "2019-04-01",
    minimumTlsVersion: apiVersion >= "2023-01-01" ? "TLS1_2" : "TLS1_0",
  };
  if (apiVersion >= "2019-04-01") defaults.allowBlobPublicAccess = false;
  if ((kind === "StorageV2" || kind === "BlobStorage") && skuTier === "Standard") defaults.accessTier = "Hot";
  return defaults;
}

/** Encryption at rest is always on: Microsoft-managed keys for blob and file unless the caller says more. */
export function encryptionWithDefaults(requested: unknown, enabledAt: string): Record<string, unknown> {
  const given = isRecord(requested) ? requested : {};
  const givenServices = isRecord(given.services) ? given.services : {};
  const services: Record<string, unknown> = {};
  for (const name of new Set(["blob", "file", ...Object.keys(givenServices)])) {
    const service = givenServices[name];
    const base = isRecord(service) ? service : {};
    if (base.enabled === false) continue;
    services[name] = { keyType: "Account", ...base, enabled: true, lastEnabledTime: enabledAt };
  }
  return { ...given, services, keySource: given.keySource ?? "Microsoft.Storage" };
}

/** Network rules as Azure reports them when the caller set none, or filled in around the ones it set. */
export function networkAclsWithDefaults(requested: unknown): Record<string, unknown> {
  const given = isRecord(requested) ? requested : {};
  return { bypass: "AzureServices", virtualNetworkRules: [], ipRules: [], defaultAction: "Allow", ...given };
}
