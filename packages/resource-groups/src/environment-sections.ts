import type { EnvironmentSection } from "@infra/environments";
import { resourceGroupsSection } from "./resource-groups-section.ts";

/** The parts of an environment this task owns (what `@infra/tasks` composes the environment schema from). */
export const sections: readonly EnvironmentSection[] = [resourceGroupsSection];
export * from "./resource-groups-section.ts";
