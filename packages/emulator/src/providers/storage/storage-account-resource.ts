import { randomUUID } from "node:crypto";
import type { ArmResource } from "../../arm/contract.ts";
import { validateTags } from "../../resources/tag-validation.ts";
import { azureTimestamp } from "./azure-timestamp.ts";
import { isRecord } from "./json-record.ts";
import { encryptionWithDefaults, networkAclsWithDefaults, storageAccountDefaults } from "./storage-account-defaults.ts";
import { canonicalIdentityType, canonicalKind, canonicalSku } from "./storage-account-enums.ts";
import { type StorageAccountCreateRequest, writableProperties } from "./storage-account-request.ts";
import { primaryEndpoints, secondaryEndpoints } from "./storage-endpoints.ts";
import { isGeoRedundant, isReadAccessGeoRedundant, pairedRegion, skuTier } from "./storage-replication.ts";

export const STORAGE_ACCOUNT_TYPE = "Microsoft.Storage/storageAccounts";

export interface NewStorageAccount {
  id: string;
  name: string;
  apiVersion: string;
  tenantId: string;
  now: Date;
  request: StorageAccountCreateRequest;
}

/** ARM returns locations lowercase without spaces whatever the caller sent ("West Europe" -> westeurope). */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

/** A storage account as Azure returns it after a create: defaults for the api-version plus computed properties. */
export function buildStorageAccount(input: NewStorageAccount): ArmResource {
  const { request, now } = input;
  const stamp = azureTimestamp(now);
  const tier = skuTier(request.skuName);
  const properties: Record<string, unknown> = {
    ...storageAccountDefaults(input.apiVersion, request.kind, tier),
    ...request.properties,
    keyCreationTime: { key1: stamp, key2: stamp },
    creationTime: stamp,
  };
  const resource: ArmResource = {
    id: input.id,
    name: input.name,
    type: STORAGE_ACCOUNT_TYPE,
    location: normalizeLocation(request.location),
    kind: request.kind,
    sku: { name: request.skuName, tier },
    tags: request.tags ?? {},
    properties,
  };
  if (request.extendedLocation !== undefined) resource.extendedLocation = request.extendedLocation;
  const identity = withSystemIdentity(request.identity, input.tenantId, undefined);
  if (identity !== undefined) resource.identity = identity;
  return withComputedProperties(resource, stamp);
}

/** PATCH: sku, kind, identity and each given top-level property replace what was there; tags replace as a whole. */
export function patchStorageAccount(existing: ArmResource, patch: unknown, tenantId: string, now: Date): ArmResource {
  const body = isRecord(patch) ? patch : {};
  const next: ArmResource = structuredClone(existing);
  const properties: Record<string, unknown> = {
    ...(existing.properties ?? {}),
    ...writableProperties(body.properties),
  };
  next.properties = properties;
  const tags = validateTags(body.tags);
  if (tags !== undefined) next.tags = tags;
  if (isRecord(body.sku) && typeof body.sku.name === "string") {
    const name = canonicalSku(body.sku.name);
    next.sku = { name, tier: skuTier(name) };
  }
  if (typeof body.kind === "string") next.kind = canonicalKind(body.kind) ?? body.kind;
  if (body.identity !== undefined) {
    const identity = withSystemIdentity(body.identity, tenantId, existing.identity);
    if (identity === undefined) delete next.identity;
    else next.identity = identity;
  }
  const encryptionChanged = isRecord(body.properties) && body.properties.encryption !== undefined;
  return withComputedProperties(next, encryptionChanged ? azureTimestamp(now) : undefined);
}

/** New key creation times after a key is regenerated (the key value itself lives beside the account). */
export function withKeyCreationTime(account: ArmResource, keyName: "key1" | "key2", now: Date): ArmResource {
  const next = structuredClone(account);
  const properties = next.properties ?? {};
  const times = isRecord(properties.keyCreationTime) ? properties.keyCreationTime : {};
  properties.keyCreationTime = { ...times, [keyName]: azureTimestamp(now) };
  next.properties = properties;
  return next;
}

/**
 * Recomputes what follows from name, kind, sku and routing: endpoints, locations, status, encryption, network rules.
 * `encryptionStamp` is the lastEnabledTime for (re)written encryption settings; undefined keeps the stored ones.
 */
function withComputedProperties(resource: ArmResource, encryptionStamp: string | undefined): ArmResource {
  const properties = resource.properties ?? {};
  const kind = String(resource.kind);
  const skuName = isRecord(resource.sku) ? String(resource.sku.name) : "Standard_LRS";
  const location = resource.location ?? "";
  properties.primaryEndpoints = primaryEndpoints(resource.name, kind, location, properties.routingPreference);
  properties.primaryLocation = location;
  properties.statusOfPrimary = "available";
  delete properties.secondaryEndpoints;
  delete properties.secondaryLocation;
  delete properties.statusOfSecondary;
  if (isGeoRedundant(skuName)) {
    if (isReadAccessGeoRedundant(skuName))
      properties.secondaryEndpoints = secondaryEndpoints(resource.name, kind, location);
    properties.secondaryLocation = pairedRegion(location);
    properties.statusOfSecondary = "available";
  }
  properties.provisioningState = "Succeeded";
  // Azure lists the account's private endpoint connections on every answer, [] when there are none.
  if (!Array.isArray(properties.privateEndpointConnections)) properties.privateEndpointConnections = [];
  if (encryptionStamp !== undefined)
    properties.encryption = encryptionWithDefaults(properties.encryption, encryptionStamp);
  properties.networkAcls = networkAclsWithDefaults(properties.networkAcls);
  resource.properties = properties;
  return resource;
}

/** A system-assigned identity gets a principal id and tenant id; the rest of the identity block is echoed. */
function withSystemIdentity(requested: unknown, tenantId: string, previous: unknown): unknown {
  if (!isRecord(requested)) return undefined;
  const canonical = canonicalIdentityType(requested.type);
  const type = typeof canonical === "string" ? canonical : "None";
  if (type === "None") return undefined;
  const identity: Record<string, unknown> = { ...requested, type };
  if (type.includes("SystemAssigned")) {
    const before = isRecord(previous) && typeof previous.principalId === "string" ? previous.principalId : undefined;
    identity.principalId = before ?? randomUUID();
    identity.tenantId = tenantId;
  }
  return identity;
}
