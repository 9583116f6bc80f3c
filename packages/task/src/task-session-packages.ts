import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The listed task packages that define `script`: the processes turbo will start for it, each of which must join the
 * task session. Read from their package.json files (a few milliseconds), so the root command knows whom to wait for
 * without importing any task.
 */
export async function packagesWithScript(
  repoRoot: string,
  script: string,
  listed: readonly string[],
): Promise<string[]> {
  const dir = join(repoRoot, "packages");
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let manifest: { name?: unknown; scripts?: Record<string, unknown> };
    try {
      manifest = JSON.parse(await readFile(join(dir, entry.name, "package.json"), "utf8"));
    } catch {
      continue;
    }
    const { name, scripts } = manifest;
    if (typeof name === "string" && listed.includes(name) && typeof scripts?.[script] === "string") names.push(name);
  }
  return names.sort();
}
