import type { EnvironmentSection } from "@infra/environments";

/** This task adds nothing to an environment: it audits with the base fields (`requiredTags`, `allowedLocations`). */
export const sections: readonly EnvironmentSection[] = [];

/** Every part its process reads: the base fields only. */
export const readSections: readonly EnvironmentSection[] = sections;
