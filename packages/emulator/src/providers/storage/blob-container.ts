import { randomBytes } from "node:crypto";
import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { azureTimestamp } from "./azure-timestamp.ts";
import { isRecord } from "./json-record.ts";

export const CONTAINER_TYPE = "Microsoft.Storage/storageAccounts/blobServices/containers";
const PUBLIC_ACCESS = ["None", "Blob", "Container"];
/** 3-63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

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

function writableContainerProperties(body: unknown): Record<string, unknown> {
  const given = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const out: Record<string, unknown> = {};
  for (const key of ["publicAccess", "metadata", "defaultEncryptionScope", "denyEncryptionScopeOverride"]) {
    if (given[key] !== undefined && given[key] !== null) out[key] = given[key];
  }
  if (out.publicAccess !== undefined && !PUBLIC_ACCESS.includes(String(out.publicAccess))) {
    throw new ArmError(
      400,
      "InvalidRequestContent",
      `The value '${String(out.publicAccess)}' is not valid for publicAccess.`,
    );
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
  /** The record stored and returned by GET/list. */
  record: ArmResource;
  /** What PUT answers: id, name, type and the properties that were sent (as the service does). */
  response: Record<string, unknown>;
  /** The writable properties this request set. */
  given: Record<string, unknown>;
}

/** PUT (create or replace) and PATCH (merge) of a container. */
export function writeContainer(
  accountId: string,
  name: string,
  existing: ArmResource | undefined,
  body: unknown,
  mode: "put" | "patch",
  now: Date,
): ContainerWrite {
  const given = writableContainerProperties(body);
  const base = mode === "patch" ? (existing?.properties ?? {}) : {};
  const record: ArmResource = {
    id: containerId(accountId, name),
    name,
    type: CONTAINER_TYPE,
    etag: newEtag(),
    properties: {
      publicAccess: "None",
      leaseStatus: "Unlocked",
      leaseState: "Available",
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
      ...base,
      ...given,
      lastModifiedTime: azureTimestamp(now).replace(/\.\d+Z$/, "Z"),
    },
  };
  const response: Record<string, unknown> = { id: record.id, name, type: CONTAINER_TYPE };
  if (mode === "patch") return { record, response: record, given };
  if (Object.keys(given).length > 0) response.properties = given;
  return { record, response, given };
}
