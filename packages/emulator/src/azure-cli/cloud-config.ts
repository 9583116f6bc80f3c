import { writeFileSync } from "node:fs";

/**
 * The Azure CLI's cloud definition for an emulator, for `az cloud register -n NAME --cloud-config @FILE`. The authority
 * is ADFS-style (`/adfs`): MSAL-python in az 2.45 then skips instance discovery against login.microsoftonline.com,
 * which it has no switch for. `microsoftGraphResourceId` can only be set this way (docs/azure-behaviour.md).
 */
export function azureCliCloudConfig(emulatorUrl: string) {
  return {
    endpoints: {
      activeDirectory: `${emulatorUrl}/adfs`,
      resourceManager: `${emulatorUrl}/`,
      activeDirectoryResourceId: "https://management.core.windows.net/",
      microsoftGraphResourceId: "https://graph.microsoft.com/",
    },
  };
}

export function writeAzureCliCloudConfig(emulatorUrl: string, path: string): void {
  writeFileSync(path, JSON.stringify(azureCliCloudConfig(emulatorUrl), null, 2));
}
