import type { AuditContext } from "@infra/audit/rules";
import type { StorageNetworkMode } from "../baseline.ts";

/** What the storage rules need to know about the environment being audited. */
export interface StorageAuditContext extends AuditContext {
  /** `private` requires publicNetworkAccess Disabled and an approved private endpoint. */
  readonly network: StorageNetworkMode;
  /** Protected environments (prod) need a CanNotDelete lock on every account. */
  readonly protected: boolean;
  /** Environment naming prefix for account names, e.g. `stprod`; the name rule only checks the ARM pattern without it. */
  readonly namePrefix?: string;
  /** Require GRS/RA-GRS/GZRS/RA-GZRS (opt-in: cost). */
  readonly requireGeoRedundancy: boolean;
  /** Require customer-managed keys (opt-in: needs a Key Vault). */
  readonly requireCustomerManagedKeys: boolean;
}

export function storageAuditContext(
  settings: Partial<StorageAuditContext> & Pick<StorageAuditContext, "now">,
): StorageAuditContext {
  return {
    network: "selected-networks",
    protected: false,
    requireGeoRedundancy: false,
    requireCustomerManagedKeys: false,
    ...settings,
  };
}
