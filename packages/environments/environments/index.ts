import type { EnvironmentInput } from "../src/environment-schema.ts";
import dev from "./dev.ts";
import local from "./local.ts";
import prod from "./prod.ts";

/** The environments this repository declares, by the name `--env` takes. */
export const repoEnvironments: Record<string, EnvironmentInput> = { local, dev, prod };
