import type { EnvironmentSection } from "@infra/environments";

/** This task adds nothing to an environment: it audits with the base fields (`requiredTags`, `allowedLocations`). */
export const sections: readonly EnvironmentSection[] = [];
