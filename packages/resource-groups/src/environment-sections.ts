import { type EnvironmentSection, resourceGroupsSection } from "@infra/environments";

/**
 * The parts of an environment this task reads (what `@infra/tasks` composes the environment schema from). The section
 * lives in @infra/environments because other tasks read it too.
 */
export const sections: readonly EnvironmentSection[] = [resourceGroupsSection];

/** Every part its process reads: its own. */
export const readSections: readonly EnvironmentSection[] = sections;
