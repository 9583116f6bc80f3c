import { join } from "node:path";
import { repoEnvironments } from "../environments/index.ts";

/** Where the repository declares its environments: one `<name>.ts` per environment, `<name>` being what `--env` takes. */
const REPO_ENVIRONMENTS_DIRECTORY = join(import.meta.dirname, "..", "environments");

/** Each of the repository's environments and the file that declares it (an absolute path). */
export function repoEnvironmentFiles(): { readonly name: string; readonly path: string }[] {
  return Object.keys(repoEnvironments).map((name) => ({ name, path: join(REPO_ENVIRONMENTS_DIRECTORY, `${name}.ts`) }));
}
