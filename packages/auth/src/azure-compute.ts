import { accessSync, constants, readFileSync } from "node:fs";
import { type EnvVars, envValue } from "./env-vars.ts";

/** The DMI chassis asset tag every Azure virtual machine (VMs, scale sets, AKS nodes) carries. */
export const azureChassisAssetTag = "7783-7084-3265-9085-8269-3286-77";

/**
 * Where @azure/identity's ManagedIdentityCredential asks for a token. `Imds` is the instance metadata address
 * (169.254.169.254); every other source is an endpoint the platform named in the environment (or, for Azure Arc, the
 * agent's loopback listener).
 */
export type ManagedIdentitySource =
  | "TokenExchange"
  | "ServiceFabric"
  | "AppService"
  | "MachineLearning"
  | "CloudShell"
  | "AzureArc"
  | "ImdsAtCustomHost"
  | "Imds";

/** What a person sets to reach managed identity without the instance metadata address, for messages. */
export const managedIdentityEndpointHint =
  "IDENTITY_ENDPOINT+IDENTITY_HEADER (App Service, Functions, Container Apps), MSI_ENDPOINT (Cloud Shell), IDENTITY_ENDPOINT+IMDS_ENDPOINT (Azure Arc) or AZURE_POD_IDENTITY_AUTHORITY_HOST";

/**
 * The source @azure/identity 4.14 sends the token request to, by its rules and msal-node 7's, in their order: the AKS
 * token exchange (ManagedIdentityCredential checks it before MSAL), then the first of msal-node's sources whose
 * `tryCreate` accepts the environment (a variable counts when non-empty, as there), then IMDS at
 * AZURE_POD_IDENTITY_AUTHORITY_HOST or at its default address. Pure given `arcAgentInstalled`.
 */
export function managedIdentitySource(env: EnvVars, arcAgentInstalled: boolean): ManagedIdentitySource {
  const set = (...names: string[]) => names.every((name) => Boolean(env[name]));
  if (set("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_FEDERATED_TOKEN_FILE")) return "TokenExchange";
  if (set("IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT")) return "ServiceFabric";
  if (set("IDENTITY_ENDPOINT", "IDENTITY_HEADER")) return "AppService";
  if (set("MSI_ENDPOINT", "MSI_SECRET")) return "MachineLearning";
  if (set("MSI_ENDPOINT")) return "CloudShell";
  if (set("IDENTITY_ENDPOINT", "IMDS_ENDPOINT") || arcAgentInstalled) return "AzureArc";
  if (set("AZURE_POD_IDENTITY_AUTHORITY_HOST")) return "ImdsAtCustomHost";
  return "Imds";
}

/** Whether the Azure Arc agent is installed where msal-node looks for it (then it uses the agent, not IMDS). */
export function isAzureArcAgentInstalled(env: EnvVars = process.env): boolean {
  const path =
    process.platform === "win32"
      ? `${envValue(env, "ProgramFiles") ?? "C:\\Program Files"}\\AzureConnectedMachineAgent\\himds.exe`
      : process.platform === "linux"
        ? "/opt/azcmagent/bin/himds"
        : undefined;
  if (path === undefined) return false;
  try {
    accessSync(path, constants.F_OK | constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this process runs on an Azure virtual machine, by the machine's own marker. Only then does the default chain
 * contact the instance metadata address (IMDS); anywhere else a request there leaks to whatever answers it.
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
