import { ConfigError } from "@infra/cli";

export type KnownCloudName = "AzureCloud" | "AzureChinaCloud" | "AzureUSGovernment";

/** Where a cloud's Entra ID and Resource Manager live, and the scope ARM tokens are asked for. */
export interface AzureCloud {
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment` or `Custom`. */
  name: KnownCloudName | "Custom";
  /** Entra ID authority host, no trailing slash: `https://login.microsoftonline.com`. */
  authorityHost: string;
  /** Resource Manager endpoint, no trailing slash: `https://management.azure.com`. */
  resourceManagerEndpoint: string;
  /** The scope every ARM token is requested for: `<audience>/.default`. */
  resourceManagerScope: string;
  /** A non-Microsoft authority (the emulator, Azure Stack): instance discovery must be off and IMDS never probed. */
  custom: boolean;
}

export const knownClouds: Readonly<Record<KnownCloudName, AzureCloud>> = {
  AzureCloud: {
    name: "AzureCloud",
    authorityHost: "https://login.microsoftonline.com",
    resourceManagerEndpoint: "https://management.azure.com",
    resourceManagerScope: "https://management.azure.com/.default",
    custom: false,
  },
  AzureChinaCloud: {
    name: "AzureChinaCloud",
    authorityHost: "https://login.chinacloudapi.cn",
    resourceManagerEndpoint: "https://management.chinacloudapi.cn",
    resourceManagerScope: "https://management.chinacloudapi.cn/.default",
    custom: false,
  },
  AzureUSGovernment: {
    name: "AzureUSGovernment",
    authorityHost: "https://login.microsoftonline.us",
    resourceManagerEndpoint: "https://management.usgovcloudapi.net",
    resourceManagerScope: "https://management.usgovcloudapi.net/.default",
    custom: false,
  },
};

/**
 * A custom cloud's ARM audience. Tokens for the emulator (and for the Azure CLI, which asks for
 * `https://management.core.windows.net/`) carry the public ARM audience, so that is the default.
 */
const customCloudScope = "https://management.azure.com/.default";

/**
 * Picks the cloud from AZURE_CLOUD, or a custom one from AZURE_AUTHORITY_HOST + AZURE_RESOURCE_MANAGER_ENDPOINT.
 * Pure: reads only `env`.
 */
export function resolveCloud(env: Readonly<Record<string, string | undefined>>): AzureCloud {
  const cloudName = env.AZURE_CLOUD?.trim() || undefined;
  const authorityHost = trimSlash(env.AZURE_AUTHORITY_HOST);
  const armEndpoint = trimSlash(env.AZURE_RESOURCE_MANAGER_ENDPOINT);

  if (cloudName !== undefined) {
    const known = findKnownCloud(cloudName);
    if (!known) {
      throw new ConfigError(`AZURE_CLOUD '${cloudName}' is not a cloud this repo knows`, [
        { path: "AZURE_CLOUD", message: `use one of ${Object.keys(knownClouds).join(", ")}, or unset it` },
      ]);
    }
    if (armEndpoint !== undefined || (authorityHost !== undefined && authorityHost !== known.authorityHost)) {
      throw new ConfigError(`AZURE_CLOUD '${known.name}' conflicts with a custom cloud's endpoints`, [
        {
          path: "AZURE_CLOUD",
          message: "set either AZURE_CLOUD or AZURE_AUTHORITY_HOST + AZURE_RESOURCE_MANAGER_ENDPOINT, not both",
        },
      ]);
    }
    return known;
  }

  if (authorityHost === undefined && armEndpoint === undefined) return knownClouds.AzureCloud;

  // An authority host of a known cloud alone selects that cloud, as @azure/identity's AZURE_AUTHORITY_HOST does.
  const byAuthority = Object.values(knownClouds).find((cloud) => cloud.authorityHost === authorityHost);
  if (byAuthority && (armEndpoint === undefined || armEndpoint === byAuthority.resourceManagerEndpoint)) {
    return byAuthority;
  }

  if (authorityHost === undefined || armEndpoint === undefined) {
    const missing = authorityHost === undefined ? "AZURE_AUTHORITY_HOST" : "AZURE_RESOURCE_MANAGER_ENDPOINT";
    throw new ConfigError(`a custom cloud needs both endpoints; ${missing} is not set`, [
      { path: missing, message: "set it, or unset the other one to use the public Azure cloud" },
    ]);
  }
  for (const [name, value] of [
    ["AZURE_AUTHORITY_HOST", authorityHost],
    ["AZURE_RESOURCE_MANAGER_ENDPOINT", armEndpoint],
  ] as const) {
    if (!value.startsWith("https://")) {
      throw new ConfigError(`${name} must be an https:// URL (Azure SDKs refuse tokens over http)`, [
        { path: name, message: `got '${value}'` },
      ]);
    }
  }
  return {
    name: "Custom",
    authorityHost,
    resourceManagerEndpoint: armEndpoint,
    resourceManagerScope: customCloudScope,
    custom: true,
  };
}

function findKnownCloud(name: string): AzureCloud | undefined {
  return Object.values(knownClouds).find((cloud) => cloud.name.toLowerCase() === name.toLowerCase());
}

function trimSlash(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.replace(/\/+$/, "") : undefined;
}
