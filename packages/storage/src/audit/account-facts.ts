import type { AuditedResource, Evidence } from "@infra/audit/rules";
import { valueAt } from "@infra/plan/property-path";

/** Evidence for `properties.<name>` of the account itself. */
export function accountProperty(audited: AuditedResource, name: string): Evidence & { readonly actual: unknown } {
  const path = `properties.${name}`;
  return { path, actual: valueAt(audited.resource, path) };
}

/** Evidence for a path inside a related document, labelled so a reader knows which document it came from. */
export function documentProperty(
  document: unknown,
  label: string,
  path: string,
): Evidence & { readonly actual: unknown } {
  return { path: `${label}.${path}`, actual: valueAt(document, path) };
}

/** Shared key explicitly off. Absent or null means allowed (the ARM default), which is what attackers rely on. */
export function isSharedKeyDisabled(audited: AuditedResource): boolean {
  return valueAt(audited.resource, "properties.allowSharedKeyAccess") === false;
}

/** Kinds with a blob service (FileStorage accounts have none). */
export function hasBlobService(audited: AuditedResource): boolean {
  return audited.resource.kind !== "FileStorage";
}

/** Kinds with a file service (BlobStorage and BlockBlobStorage accounts have none). */
export function hasFileService(audited: AuditedResource): boolean {
  return audited.resource.kind !== "BlobStorage" && audited.resource.kind !== "BlockBlobStorage";
}

/** ARM's `"SMB3.0;SMB3.1.1;"` style lists as a set. */
export function semicolonList(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return value
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
