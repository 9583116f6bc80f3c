/**
 * The ONE declaration of how this repo configures storage, in ARM wire form (nested `properties`, wire names such as
 * `supportsHttpsTrafficOnly`). Provisioning applies it; the storage audit rules check exactly these paths, and
 * test/audit/baseline-passes-rules.test.ts proves that what we provision passes every rule.
 * Note for SDK users: @azure/arm-storage flattens `properties` and renames `supportsHttpsTrafficOnly` to
 * `enableHttpsTrafficOnly`; map explicitly, a nested `properties` object is silently dropped by the SDK.
 */

/** Numbers the rules and the baseline share, so they cannot drift apart. */
export const STORAGE_LIMITS = {
  /** Blob and container soft delete: at least this many days (PSRule Azure.Storage.SoftDelete uses 7). */
  minimumSoftDeleteDays: 7,
  /** Access key expiration policy: at most this many days (CIS 9.3.1.1). */
  maximumKeyExpirationDays: 90,
  /** SAS expiration policy: at most this long (Azure Policy 7aa1c9d5: 7 days). */
  maximumSasExpirationDays: 7,
} as const;

export const BASELINE_RETENTION_DAYS = 14;

/**
 * `private`: no public endpoint at all (publicNetworkAccess Disabled, reach it through an approved private endpoint).
 * `selected-networks`: public endpoint on, firewall default Deny, only listed IPs/VNets and trusted Azure services.
 */
export type StorageNetworkMode = "private" | "selected-networks";

const networkAcls = {
  defaultAction: "Deny",
  bypass: "AzureServices",
  ipRules: [],
  virtualNetworkRules: [],
} as const;

export const storageNetworkBaseline = {
  private: { publicNetworkAccess: "Disabled", networkAcls },
  "selected-networks": { publicNetworkAccess: "Enabled", networkAcls },
} as const satisfies Record<StorageNetworkMode, unknown>;

/** Account settings independent of network mode. */
export const storageAccountPropertiesBaseline = {
  supportsHttpsTrafficOnly: true,
  minimumTlsVersion: "TLS1_2",
  allowBlobPublicAccess: false,
  allowSharedKeyAccess: false,
  defaultToOAuthAuthentication: true,
  allowCrossTenantReplication: false,
  allowedCopyScope: "AAD",
  isLocalUserEnabled: false,
  isSftpEnabled: false,
  // Shared key is off, so these only matter if someone turns it back on: then keys and SAS are short-lived.
  keyPolicy: { keyExpirationPeriodInDays: STORAGE_LIMITS.maximumKeyExpirationDays },
  sasPolicy: { sasExpirationPeriod: "1.00:00:00", expirationAction: "Block" },
  encryption: {
    keySource: "Microsoft.Storage",
    // Creation-time only: an existing account cannot be switched.
    requireInfrastructureEncryption: true,
    services: {
      blob: { enabled: true, keyType: "Account" },
      file: { enabled: true, keyType: "Account" },
    },
  },
} as const;

export const storageAccountKindBaseline = "StorageV2";

/** The account body (kind + properties) for a network mode; sku, location and tags come from the environment. */
export function storageAccountBaseline(network: StorageNetworkMode) {
  return {
    kind: storageAccountKindBaseline,
    properties: { ...storageAccountPropertiesBaseline, ...storageNetworkBaseline[network] },
  } as const;
}

/** blobServices/default */
export const blobServiceBaseline = {
  properties: {
    deleteRetentionPolicy: { enabled: true, days: BASELINE_RETENTION_DAYS },
    containerDeleteRetentionPolicy: { enabled: true, days: BASELINE_RETENTION_DAYS },
    isVersioningEnabled: true,
  },
} as const;

/** fileServices/default */
export const fileServiceBaseline = {
  properties: {
    shareDeleteRetentionPolicy: { enabled: true, days: BASELINE_RETENTION_DAYS },
    protocolSettings: {
      smb: {
        versions: "SMB3.1.1",
        channelEncryption: "AES-256-GCM",
        authenticationMethods: "Kerberos",
        kerberosTicketEncryption: "AES-256",
      },
    },
  },
} as const;

/** blobServices/default/containers/* */
export const containerBaseline = { properties: { publicAccess: "None" } } as const;

/** Microsoft.Authorization/locks on accounts of protected environments. */
export const protectedAccountLockBaseline = {
  name: "do-not-delete",
  properties: { level: "CanNotDelete", notes: "Protected environment: remove this lock deliberately before deleting." },
} as const;
