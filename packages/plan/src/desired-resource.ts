/** A JSON object in ARM wire shape (nested `properties`, `tags`, `sku`...), as sent to and read from ARM. */
export type WireObject = Record<string, unknown>;

/** One resource a task wants to exist, with the settings it cares about. */
export interface DesiredResource {
  /** Stable plan address, unique in a plan: `storage.account["stdemo01"]`. */
  readonly address: string;
  /** Key of the ResourceKind that reads and writes it: `Microsoft.Storage/storageAccounts`. */
  readonly kind: string;
  /** ARM resource id. */
  readonly id: string;
  readonly name: string;
  /** Addresses that must be applied before this one. */
  readonly dependsOn: readonly string[];
  /** Desired settings in ARM wire shape. Only these paths are compared with live state. */
  readonly properties: WireObject;
  /** Name of the owning task; stamped into the ownership tags. */
  readonly task: string;
}
