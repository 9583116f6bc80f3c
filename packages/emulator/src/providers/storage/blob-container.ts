import { randomBytes } from "node:crypto";
import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { canonicalEnum } from "../../arm/enum-values.ts";
import { azureTimestamp } from "./azure-timestamp.ts";
import { isRecord } from "./json-record.ts";

export const CONTAINER_TYPE = "Microsoft.Storage/storageAccounts/blobServices/containers";
const PUBLIC_ACCESS = ["None", "Blob", "Container"] as const;
/** 3-63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
/** What a container that names no encryption scope reports. */
const ACCOUNT_ENCRYPTION_SCOPE = "$account-encryption-key";

export function containerId(accountId: string, name: string): string {
  return `${accountId}/blobServices/default/containers/${name}`;
}

/** Blob etags look like `"0x8D589847D51C7DE"`. */
function newEtag(): string {
  return `"0x8D${randomBytes(7).toString("hex").toUpperCase().slice(0, 13)}"`;
}

export function validateContainerName(name: string): void {
  if (!CONTAINER_NAME.test(name)) {
    throw new ArmError(
      400,
      "ContainerOperationFailure",
      "The specified resource name contains invalid characters.\nRequestId:emulator",
    );
  }
}

/** The writable properties a request sets; `publicAccess` is read case-insensitively and kept in canonical casing. */
function writableContainerProperties(body: unknown): Record<string, unknown> {
  const given = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const out: Record<string, unknown> = {};
  for (const key of ["defaultEncryptionScope", "denyEncryptionScopeOverride", "metadata", "publicAccess"]) {
    if (given[key] !== undefined && given[key] !== null) out[key] = given[key];
  }
  if (out.publicAccess !== undefined) {
    const access = canonicalEnum(out.publicAccess, PUBLIC_ACCESS);
    if (access === undefined) {
      throw new ArmError(
        400,
        "InvalidRequestContent",
        `The value '${String(out.publicAccess)}' is not valid for publicAccess.`,
      );
    }
    out.publicAccess = access;
  }
  return out;
}

/** Anonymous access on a container needs the account to allow it (allowBlobPublicAccess true). */
export function checkPublicAccessAllowed(properties: Record<string, unknown>, account: ArmResource): void {
  const access = properties.publicAccess;
  if (access === undefined || access === "None") return;
  if (account.properties?.allowBlobPublicAccess !== true) {
    throw new ArmError(409, "PublicAccessNotPermitted", "Public access is not permitted on this storage account.");
  }
}

export interface ContainerWrite {
  /** The record stored; GET and list answer views of it (`containerView`, `containerListItem`). */
  record: ArmResource;
  /** What PUT and PATCH answer: id, name, type and the written properties, without etag or lease state. */
  response: Record<string, unknown>;
  /** The writable properties this request set. */
  given: Record<string, unknown>;
}

/**
 * PUT (create) and PATCH (merge) of a container. As the Storage resource provider answers: a PUT that sets no property
 * answers none; otherwise the answer carries the written properties between the deleted/retention and
 * immutability/legal-hold flags.
 */
export function writeContainer(
  accountId: string,
  name: string,
  existing: ArmResource | undefined,
  body: unknown,
  mode: "put" | "patch",
  now: Date,
): ContainerWrite {
  const given = writableContainerProperties(body);
  const before = mode === "patch" ? (existing?.properties ?? {}) : {};
  const answeredWrite: Record<string, unknown> = {
    defaultEncryptionScope: ACCOUNT_ENCRYPTION_SCOPE,
    denyEncryptionScopeOverride: false,
    publicAccess: "None",
    ...pick(before, ["defaultEncryptionScope", "denyEncryptionScopeOverride", "metadata", "publicAccess"]),
    ...given,
  };
  // A container's encryption scope settings are fixed at creation: a PATCH echoes them but does not change them.
  const written =
    mode === "patch"
      ? { ...answeredWrite, ...pick(before, ["defaultEncryptionScope", "denyEncryptionScopeOverride"]) }
      : answeredWrite;
  const record: ArmResource = {
    id: containerId(accountId, name),
    name,
    type: CONTAINER_TYPE,
    etag: newEtag(),
    properties: {
      ...written,
      leaseStatus: "Unlocked",
      leaseState: "Available",
      lastModifiedTime: azureTimestamp(now).replace(/\.\d+Z$/, ".0000000Z"),
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
    },
  };
  const response: Record<string, unknown> = { id: record.id, name, type: CONTAINER_TYPE };
  const answered =
    mode === "patch"
      ? pick(
          answeredWrite,
          Object.keys(answeredWrite).filter((k) => k in before || k in given),
        )
      : given;
  if (mode === "patch" || Object.keys(given).length > 0) {
    response.properties = {
      deleted: false,
      remainingRetentionDays: 0,
      ...answered,
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
    };
  }
  return { record, response, given };
}

/** GET of one container. */
export function containerView(record: ArmResource): ArmResource {
  const { leaseStatus, leaseState, lastModifiedTime, hasImmutabilityPolicy, hasLegalHold, ...written } =
    record.properties ?? {};
  return {
    ...record,
    properties: {
      deleted: false,
      remainingRetentionDays: 0,
      ...written,
      leaseStatus,
      leaseState,
      lastModifiedTime,
      legalHold: { hasLegalHold: false, tags: [] },
      hasImmutabilityPolicy,
      hasLegalHold,
    },
  };
}

/** A container in a list: no metadata and no legal-hold details, but the version-level immutability flag. */
export function containerListItem(record: ArmResource): ArmResource {
  const { metadata: _metadata, ...properties } = record.properties ?? {};
  return {
    ...record,
    properties: {
      immutableStorageWithVersioning: { enabled: false },
      deleted: false,
      remainingRetentionDays: 0,
      ...properties,
    },
  };
}

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));
}
