import type { AuditedResource } from "./audited-resource.ts";
import { RelatedDocumentError } from "./errors.ts";

/** The value of a related document, or a RelatedDocumentError when it was not collected or could not be read. */
export function requireRelated(audited: AuditedResource, name: string): unknown {
  const document = audited.related[name];
  if (document === undefined) {
    throw new RelatedDocumentError(name, "not collected");
  }
  if (document.status === "unreadable") {
    throw new RelatedDocumentError(name, document.reason, document.code);
  }
  return document.value;
}
