/** An ARM resource as it comes off the wire (nested `properties`, not an SDK's flattened model). */
export interface ArmResource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location?: string;
  readonly kind?: string;
  readonly sku?: { readonly name?: string; readonly tier?: string };
  readonly tags?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly [extra: string]: unknown;
}

/**
 * A document read alongside the resource (blob service properties, containers, locks...). A read that failed is kept
 * as `unreadable` so a rule that needs it yields an error finding, never a pass.
 */
export type RelatedDocument =
  | { readonly status: "ok"; readonly value: unknown }
  | { readonly status: "unreadable"; readonly reason: string; readonly code?: string };

/** The unit a rule checks: the resource plus the related documents the collector read for it, by name. */
export interface AuditedResource {
  readonly resource: ArmResource;
  readonly related: Readonly<Record<string, RelatedDocument>>;
}

export function readable(value: unknown): RelatedDocument {
  return { status: "ok", value };
}

export function unreadable(reason: string, code?: string): RelatedDocument {
  return code === undefined ? { status: "unreadable", reason } : { status: "unreadable", reason, code };
}
