import { variableSuffix } from "./github-variables.ts";

const ENVIRONMENT_FILE = /^packages\/environments\/environments\/([a-z][a-z0-9-]*)\.ts$/;
/** Changes that cannot alter what any environment deploys. */
const INERT = [/^docs\//, /\.md$/, /^\.github\//, /^LICENSE$/, /^\.gitignore$/];

export interface TouchedEnvironment {
  environment: string;
  /** For variable names: `AZURE_READER_CLIENT_ID_<suffix>`. */
  suffix: string;
}

/**
 * Which environments a change can alter: an environment file touches that environment; any other code or dependency
 * change may touch every deployable one; docs and workflows touch none. `local` (the emulator) is never deployed.
 */
export function touchedEnvironments(
  changedFiles: readonly string[],
  deployable: readonly string[],
): TouchedEnvironment[] {
  const touched = new Set<string>();
  for (const file of changedFiles) {
    if (INERT.some((pattern) => pattern.test(file))) continue;
    const environment = ENVIRONMENT_FILE.exec(file)?.[1];
    if (environment !== undefined && environment !== "index") {
      if (deployable.includes(environment)) touched.add(environment);
      continue;
    }
    for (const name of deployable) touched.add(name);
  }
  return deployable
    .filter((name) => touched.has(name))
    .map((name) => ({ environment: name, suffix: variableSuffix(name) }));
}
