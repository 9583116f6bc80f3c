import { type EnvironmentSection, managedIdentitiesSection, resourceGroupsSection } from "@infra/environments";
import { storageSection } from "./storage-section.ts";

/** The parts of an environment this task owns (what `@infra/tasks` composes the environment schema from). */
export const sections: readonly EnvironmentSection[] = [storageSection];

/** Every part its process reads: the groups and identities its accounts name, and its own. */
export const readSections: readonly EnvironmentSection[] = [
  resourceGroupsSection,
  managedIdentitiesSection,
  storageSection,
];
export * from "./storage-section.ts";
