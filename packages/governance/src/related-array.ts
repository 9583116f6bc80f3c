import { type AuditedResource, RelatedDocumentError, requireRelated } from "@infra/audit/rules";

/** A related document that must be an array (list results); anything else means the collector got it wrong. */
export function relatedArray(audited: AuditedResource, name: string): readonly unknown[] {
  const value = requireRelated(audited, name);
  if (!Array.isArray(value)) throw new RelatedDocumentError(name, "expected an array");
  return value;
}
