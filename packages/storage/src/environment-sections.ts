import type { EnvironmentSection } from "@infra/environments";
import { storageSection } from "./storage-section.ts";

/** The parts of an environment this task owns (what `@infra/tasks` composes the environment schema from). */
export const sections: readonly EnvironmentSection[] = [storageSection];
export * from "./storage-section.ts";
