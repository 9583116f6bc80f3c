import { type ArmResource, type AuditedResource, type RelatedDocument, readable } from "@infra/audit/rules";
import { type StorageAuditContext, storageAuditContext } from "../../src/audit/storage-audit-context.ts";

/** Test clock: every age and expiry is measured from here. */
export const NOW = new Date("2026-11-26T12:00:00Z");

export const context: StorageAuditContext = storageAuditContext({ now: NOW });

export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
export const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/res9407/providers/Microsoft.Storage/storageAccounts/sto8596`;

/** Marks a property to delete, for "absent" cases. */
export const ABSENT = Symbol("absent");

/**
 * The 2025-08-01 StorageAccounts_GetProperties example response (Microsoft's REST API examples), ids made concrete.
 * Like many real brownfield accounts it has no allowSharedKeyAccess, minimumTlsVersion, allowBlobPublicAccess...
 */
function exampleAccount(): ArmResource {
  return {
    name: "sto8596",
    type: "Microsoft.Storage/storageAccounts",
    id: ACCOUNT_ID,
    kind: "Storage",
    location: "eastus2",
    properties: {
      accountMigrationInProgress: false,
      creationTime: "2017-06-01T02:42:41.7633306Z",
      encryption: {
        keySource: "Microsoft.Storage",
        services: {
          blob: { enabled: true, keyType: "Account", lastEnabledTime: "2019-12-11T20:49:31.7036140Z" },
          file: { enabled: true, keyType: "Account", lastEnabledTime: "2019-12-11T20:49:31.7036140Z" },
        },
      },
      isHnsEnabled: false,
      keyCreationTime: { key1: "2021-03-18T04:42:22.4322836Z", key2: "2021-03-18T04:42:22.4322836Z" },
      networkAcls: { bypass: "AzureServices", defaultAction: "Allow", ipRules: [], virtualNetworkRules: [] },
      primaryLocation: "eastus2",
      provisioningState: "Succeeded",
      statusOfPrimary: "available",
      supportsHttpsTrafficOnly: false,
    },
    sku: { name: "Standard_GRS", tier: "Standard" },
    tags: { key1: "value1", key2: "value2" },
  };
}

/** The example account with `properties.<dotted path>` set, or deleted where the value is ABSENT. */
export function account(patch: Record<string, unknown> = {}, top: Partial<ArmResource> = {}): ArmResource {
  const resource = structuredClone(exampleAccount());
  const properties = resource.properties as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) setPath(properties, path, value);
  return { ...resource, ...top };
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (next === null || typeof next !== "object") current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  const last = segments.at(-1)!;
  if (value === ABSENT) delete current[last];
  else current[last] = value;
}

/** BlobServices_GetServiceProperties example (2025-08-01), cors trimmed. */
export function blobService(patch: Record<string, unknown> = {}): unknown {
  const document = {
    id: `${ACCOUNT_ID}/blobServices/default`,
    name: "default",
    type: "Microsoft.Storage/storageAccounts/blobServices",
    properties: {
      cors: { corsRules: [] },
      defaultServiceVersion: "2017-07-29",
      deleteRetentionPolicy: { enabled: true, days: 300 },
      isVersioningEnabled: true,
      changeFeed: { enabled: true, retentionInDays: 7 },
    } as Record<string, unknown>,
    sku: { name: "Standard_GRS", tier: "Standard" },
  };
  for (const [path, value] of Object.entries(patch)) setPath(document.properties, path, value);
  return document;
}

/** FileServices_GetServiceProperties shape; a fresh account returns protocolSettings.smb with no versions set. */
export function fileService(patch: Record<string, unknown> = {}): unknown {
  const document = {
    id: `${ACCOUNT_ID}/fileServices/default`,
    name: "default",
    type: "Microsoft.Storage/storageAccounts/fileServices",
    properties: {
      cors: { corsRules: [] },
      shareDeleteRetentionPolicy: { enabled: true, days: 7 },
      protocolSettings: { smb: { multichannel: { enabled: false } } },
    } as Record<string, unknown>,
    sku: { name: "Standard_GRS", tier: "Standard" },
  };
  for (const [path, value] of Object.entries(patch)) setPath(document.properties, path, value);
  return document;
}

/** One entry of BlobContainers_List (2025-08-01 example). */
export function container(name: string, publicAccess: unknown): unknown {
  const properties: Record<string, unknown> = {
    leaseStatus: "Unlocked",
    leaseState: "Available",
    lastModifiedTime: "2018-03-14T08:20:47Z",
    hasImmutabilityPolicy: false,
    hasLegalHold: false,
  };
  if (publicAccess !== ABSENT) properties.publicAccess = publicAccess;
  return {
    id: `${ACCOUNT_ID}/blobServices/default/containers/${name}`,
    name,
    type: "Microsoft.Storage/storageAccounts/blobServices/containers",
    etag: '"0x8D589847D51C7DE"',
    properties,
  };
}

/** ManagementLocks_ListAtResourceLevel entry. */
export function lock(name: string, level: string, scope = ACCOUNT_ID): unknown {
  return {
    id: `${scope}/providers/Microsoft.Authorization/locks/${name}`,
    name,
    type: "Microsoft.Authorization/locks",
    properties: { level, notes: "" },
  };
}

export function audited(resource: ArmResource, related: Record<string, unknown> = {}): AuditedResource {
  const documents: Record<string, RelatedDocument> = {};
  for (const [name, value] of Object.entries(related)) {
    documents[name] = isRelatedDocument(value) ? value : readable(value);
  }
  return { resource, related: documents };
}

function isRelatedDocument(value: unknown): value is RelatedDocument {
  return typeof value === "object" && value !== null && (value as { status?: unknown }).status === "unreadable";
}
