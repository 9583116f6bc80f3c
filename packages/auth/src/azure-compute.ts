import { readFileSync } from "node:fs";
import { type EnvVars, envValue } from "./env-vars.ts";

/** The DMI chassis asset tag every Azure virtual machine (VMs, scale sets, AKS nodes) carries. */
export const azureChassisAssetTag = "7783-7084-3265-9085-8269-3286-77";

/** Variables through which managed identity is reached without the instance metadata address. */
export const explicitManagedIdentityVariables = [
  "IDENTITY_ENDPOINT",
  "MSI_ENDPOINT",
  "AZURE_POD_IDENTITY_AUTHORITY_HOST",
] as const;

/** The first explicit managed-identity endpoint variable that is set, if any. */
export function explicitManagedIdentityEndpoint(env: EnvVars): string | undefined {
  return explicitManagedIdentityVariables.find((name) => envValue(env, name) !== undefined);
}

/**
 * Whether this process runs on an Azure virtual machine, by the machine's own marker. Only then may the instance
 * metadata address (IMDS) be contacted; anywhere else a request there leaks to whatever answers it.
 */
export function isAzureVirtualMachine(readAssetTag: () => string | undefined = readDmiChassisAssetTag): boolean {
  return readAssetTag()?.trim() === azureChassisAssetTag;
}

function readDmiChassisAssetTag(): string | undefined {
  try {
    return readFileSync("/sys/class/dmi/id/chassis_asset_tag", "utf8");
  } catch {
    // Not Linux, or no DMI (containers without /sys): no marker, so not provably Azure.
    return undefined;
  }
}
