import { type EnvironmentSection, managedIdentitiesSection, resourceGroupsSection } from "@infra/environments";

/**
 * The parts of an environment this task owns (what `@infra/tasks` composes the environment schema from). The section
 * lives in @infra/environments because other tasks read it too.
 */
export const sections: readonly EnvironmentSection[] = [managedIdentitiesSection];

/** Every part its process reads: the groups its identities live in, and its own. */
export const readSections: readonly EnvironmentSection[] = [resourceGroupsSection, managedIdentitiesSection];
