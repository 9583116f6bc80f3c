import { join } from "node:path";

/** The repository root, from this package's test folder. */
export const repoRoot = join(import.meta.dirname, "..", "..", "..");
