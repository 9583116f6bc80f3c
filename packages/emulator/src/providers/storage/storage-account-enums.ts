import { canonicalEnum, canonicalOrAsSent } from "../../arm/enum-values.ts";
import { isRecord } from "./json-record.ts";

/** The enums of a storage account's request body, in the casing the Storage resource provider answers with. */
export const STORAGE_ACCOUNT_KINDS = [
  "Storage",
  "StorageV2",
  "BlobStorage",
  "BlockBlobStorage",
  "FileStorage",
] as const;
const SKUS = [
  "Standard_LRS",
  "Standard_GRS",
  "Standard_RAGRS",
  "Standard_ZRS",
  "Premium_LRS",
  "Premium_ZRS",
  "Standard_GZRS",
  "Standard_RAGZRS",
];
const IDENTITY_TYPES = ["None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned"];
const PROPERTY_ENUMS: Record<string, readonly string[]> = {
  minimumTlsVersion: ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"],
  accessTier: ["Hot", "Cool", "Cold", "Premium"],
  publicNetworkAccess: ["Enabled", "Disabled", "SecuredByPerimeter"],
  largeFileSharesState: ["Disabled", "Enabled"],
  dnsEndpointType: ["Standard", "AzureDnsZone"],
  allowedCopyScope: ["PrivateLink", "AAD"],
};

export function canonicalKind(kind: unknown): string | undefined {
  return canonicalEnum(kind, STORAGE_ACCOUNT_KINDS);
}

export function canonicalSku(name: string): string {
  return String(canonicalOrAsSent(name, SKUS));
}

export function canonicalIdentityType(type: unknown): unknown {
  return canonicalOrAsSent(type, IDENTITY_TYPES);
}

/** A copy of the writable properties with every known enum in its canonical casing. */
export function canonicalAccountProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...properties };
  for (const [key, allowed] of Object.entries(PROPERTY_ENUMS)) {
    if (out[key] !== undefined) out[key] = canonicalOrAsSent(out[key], allowed);
  }
  if (isRecord(out.networkAcls) && out.networkAcls.defaultAction !== undefined) {
    out.networkAcls = {
      ...out.networkAcls,
      defaultAction: canonicalOrAsSent(out.networkAcls.defaultAction, ["Allow", "Deny"]),
    };
  }
  if (isRecord(out.routingPreference) && out.routingPreference.routingChoice !== undefined) {
    out.routingPreference = {
      ...out.routingPreference,
      routingChoice: canonicalOrAsSent(out.routingPreference.routingChoice, ["MicrosoftRouting", "InternetRouting"]),
    };
  }
  if (isRecord(out.encryption)) out.encryption = canonicalEncryption(out.encryption);
  return out;
}

function canonicalEncryption(encryption: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...encryption };
  if (out.keySource !== undefined)
    out.keySource = canonicalOrAsSent(out.keySource, ["Microsoft.Storage", "Microsoft.Keyvault"]);
  if (isRecord(out.services)) {
    out.services = Object.fromEntries(
      Object.entries(out.services).map(([name, service]) => [
        name,
        isRecord(service) && service.keyType !== undefined
          ? { ...service, keyType: canonicalOrAsSent(service.keyType, ["Service", "Account"]) }
          : service,
      ]),
    );
  }
  return out;
}
