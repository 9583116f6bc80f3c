import { statSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Whether the real Azure CLI (`az`) is on PATH. Tests that drive it run only then, and print why they were skipped
 * otherwise (`apt-get install -y azure-cli` gives Debian's 2.45).
 */
export function isAzureCliInstalled(path = process.env.PATH ?? ""): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      return statSync(join(dir, "az")).isFile();
    } catch {
      return false;
    }
  });
}
