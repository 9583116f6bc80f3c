import { ArmError } from "../../arm/contract.ts";
import { validateTags } from "../../resources/tag-validation.ts";
import { isRecord } from "./json-record.ts";
import { canonicalAccountProperties, canonicalKind, canonicalSku } from "./storage-account-enums.ts";

/** The writable parts of a storage account PUT (standard nested ARM JSON, as arm-storage 21 and az send it). */
export interface StorageAccountCreateRequest {
  location: string;
  kind: string;
  skuName: string;
  tags: Record<string, string> | undefined;
  properties: Record<string, unknown>;
  extendedLocation: unknown;
  identity: unknown;
}

/** Properties the service computes; a value sent for one of them is ignored, as Azure does. */
export const READ_ONLY_PROPERTIES = new Set([
  "provisioningState",
  "creationTime",
  "keyCreationTime",
  "primaryEndpoints",
  "primaryLocation",
  "statusOfPrimary",
  "secondaryEndpoints",
  "secondaryLocation",
  "statusOfSecondary",
  "lastGeoFailoverTime",
  "geoReplicationStats",
  "privateEndpointConnections",
  "blobRestoreStatus",
  "accountMigrationInProgress",
  "isSkuConversionBlocked",
]);

export function writableProperties(properties: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(properties)) return out;
  for (const [key, value] of Object.entries(properties)) {
    if (!READ_ONLY_PROPERTIES.has(key) && value !== null && value !== undefined) out[key] = value;
  }
  return canonicalAccountProperties(out);
}

function invalid(message: string): ArmError {
  return new ArmError(
    400,
    "InvalidRequestContent",
    `The request content was invalid and could not be deserialized: ${message}`,
  );
}

export function parseStorageAccountCreate(body: unknown): StorageAccountCreateRequest {
  if (!isRecord(body)) throw invalid("the body must be a JSON object.");
  if (typeof body.location !== "string" || body.location.length === 0) {
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  }
  if (!isRecord(body.sku) || typeof body.sku.name !== "string") {
    throw invalid("Required property 'sku' not found in JSON.");
  }
  if (typeof body.kind !== "string") throw invalid("Required property 'kind' not found in JSON.");
  const kind = canonicalKind(body.kind);
  if (kind === undefined) throw invalid(`Error converting value "${body.kind}" to type 'Kind'.`);
  return {
    location: body.location,
    kind,
    skuName: canonicalSku(body.sku.name),
    tags: validateTags(body.tags),
    properties: writableProperties(body.properties),
    extendedLocation: body.extendedLocation,
    identity: body.identity,
  };
}
