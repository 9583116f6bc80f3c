import type { EnvironmentSection } from "@infra/environments";
import { managedIdentitiesSection } from "./managed-identities-section.ts";

/** The parts of an environment this task owns (what `@infra/tasks` composes the environment schema from). */
export const sections: readonly EnvironmentSection[] = [managedIdentitiesSection];
export * from "./managed-identities-section.ts";
