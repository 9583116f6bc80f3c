import type {
  NetworkRuleSet,
  StorageAccountCreateParameters,
  StorageAccountUpdateParameters,
} from "@azure/arm-storage";
import type { WireObject } from "@infra/plan";
import { UnmappedPropertyError } from "./unmapped-property-error.ts";

/**
 * ARM wire JSON of a storage account -> the flattened arm-storage 21 model. Explicit on purpose: the SDK silently drops
 * a nested `properties` object and renames fields (`supportsHttpsTrafficOnly` is `enableHttpsTrafficOnly`, `networkAcls`
 * is `networkRuleSet`, an IP rule's `value` is `iPAddressOrRange`).
 */
const SAME_NAME = new Set([
  "minimumTlsVersion",
  "allowBlobPublicAccess",
  "allowSharedKeyAccess",
  "defaultToOAuthAuthentication",
  "allowCrossTenantReplication",
  "allowedCopyScope",
  "isLocalUserEnabled",
  "isSftpEnabled",
  "keyPolicy",
  "sasPolicy",
  "publicNetworkAccess",
  "accessTier",
  "isHnsEnabled",
  "largeFileSharesState",
  "dnsEndpointType",
]);

type FlatProperties = Record<string, unknown>;

export function accountPropertiesToModel(properties: WireObject): FlatProperties {
  const model: FlatProperties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) continue;
    if (SAME_NAME.has(key)) model[key] = value;
    else if (key === "supportsHttpsTrafficOnly") model.enableHttpsTrafficOnly = value;
    else if (key === "isNfsV3Enabled") model.enableNfsV3 = value;
    else if (key === "networkAcls") model.networkRuleSet = networkRuleSetModel(value as WireObject);
    else if (key === "encryption") model.encryption = encryptionModel(value as WireObject);
    else throw new UnmappedPropertyError(`properties.${key}`);
  }
  return model;
}

function networkRuleSetModel(acls: WireObject): NetworkRuleSet {
  const { ipRules, ...rest } = acls;
  const rules = Array.isArray(ipRules) ? (ipRules as { value: string; action?: "Allow" }[]) : undefined;
  return {
    ...(rest as Omit<NetworkRuleSet, "ipRules">),
    ...(rules ? { ipRules: rules.map((rule) => ({ iPAddressOrRange: rule.value, action: rule.action })) } : {}),
  };
}

function encryptionModel(encryption: WireObject): FlatProperties {
  for (const key of Object.keys(encryption)) {
    if (!["services", "keySource", "requireInfrastructureEncryption"].includes(key))
      throw new UnmappedPropertyError(`properties.encryption.${key}`);
  }
  return encryption;
}

/** The whole desired account, for the create PUT. */
export function accountCreateModel(wire: WireObject): StorageAccountCreateParameters {
  return {
    location: String(wire.location),
    kind: wire.kind as StorageAccountCreateParameters["kind"],
    sku: wire.sku as StorageAccountCreateParameters["sku"],
    tags: wire.tags as Record<string, string>,
    ...accountPropertiesToModel((wire.properties ?? {}) as WireObject),
  } as StorageAccountCreateParameters;
}

/**
 * A PATCH body with only the settings a diff touched: a top-level property whose any part differs is sent whole; tags
 * whole (ARM replaces them); nothing else, so creation-only settings such as infrastructure encryption are not re-sent.
 */
export function accountPatchModel(wire: WireObject, changedPaths: readonly string[]): StorageAccountUpdateParameters {
  const desiredProperties = (wire.properties ?? {}) as WireObject;
  const properties: WireObject = {};
  const patch: WireObject = {};
  for (const path of changedPaths) {
    const [head, key] = path.replace(/\[\]/g, "").split(".");
    if (head === "tags") patch.tags = wire.tags;
    else if (head === "sku") patch.sku = wire.sku;
    else if (head === "properties" && key !== undefined) properties[key] = desiredProperties[key];
    else throw new UnmappedPropertyError(path);
  }
  return { ...patch, ...accountPropertiesToModel(properties) } as StorageAccountUpdateParameters;
}
